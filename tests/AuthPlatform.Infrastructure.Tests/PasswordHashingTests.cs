using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Passwords;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Tests;

public sealed class PasswordHashingTests
{
    private static Argon2idHashFormat Format(int memory = 19456, int iterations = 2) =>
        new(Options.Create(new PasswordHashingOptions { MemoryKiB = memory, Iterations = iterations }));

    private static PasswordHasher Hasher(int memory = 19456, int iterations = 2) => new(Format(memory, iterations), []);

    [Fact]
    public async Task Hashes_are_argon2id_phc_strings_with_the_owasp_parameters()
    {
        var hash = await Hasher().HashAsync("correct horse battery staple", CancellationToken.None);

        Assert.Matches(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", hash);
    }

    [Fact]
    public async Task The_same_password_gets_a_different_salt_and_hash_each_time()
    {
        var hasher = Hasher();

        Assert.NotEqual(await hasher.HashAsync("same password", CancellationToken.None), await hasher.HashAsync("same password", CancellationToken.None));
    }

    [Fact]
    public async Task The_right_password_verifies_and_others_do_not()
    {
        var hasher = Hasher();
        var hash = await hasher.HashAsync("Correct Horse", CancellationToken.None);

        Assert.Equal(PasswordVerification.Succeeded, await hasher.VerifyAsync("Correct Horse", hash, CancellationToken.None));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync("correct horse", hash, CancellationToken.None));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync("Correct Hors", hash, CancellationToken.None));
    }

    [Fact]
    public async Task Compatibility_equivalent_forms_of_a_password_verify()
    {
        var hasher = Hasher();
        var hash = await hasher.HashAsync("caf\u00E9 \uFB01ne", CancellationToken.None);

        Assert.Equal(PasswordVerification.Succeeded, await hasher.VerifyAsync("cafe\u0301 fine", hash, CancellationToken.None));
    }

    [Fact]
    public async Task Hashes_with_older_parameters_verify_and_ask_for_a_rehash()
    {
        var old = await Hasher(memory: 7168, iterations: 5).HashAsync("pw-with-old-params", CancellationToken.None);

        Assert.Equal(PasswordVerification.SucceededRehashNeeded, await Hasher().VerifyAsync("pw-with-old-params", old, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plaintext")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$short$short")]
    [InlineData("$argon2id$v=19$m=999999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Malformed_stored_hashes_never_verify(string stored) =>
        Assert.Equal(PasswordVerification.Failed, await Hasher().VerifyAsync("anything", stored, CancellationToken.None));

    [Fact]
    public async Task The_dummy_verification_always_fails() =>
        Assert.Equal(PasswordVerification.Failed, await Hasher().VerifyAgainstDummyAsync("anything", CancellationToken.None));

    [Theory]
    [InlineData(19456, 2, true)]
    [InlineData(47104, 1, true)]
    [InlineData(7168, 5, true)]
    [InlineData(19456, 1, false)]
    [InlineData(4096, 10, false)]
    public void Settings_below_the_owasp_minimum_are_refused(int memory, int iterations, bool valid) =>
        Assert.Equal(valid, new PasswordHashingOptionsValidator().Validate(null, new PasswordHashingOptions { MemoryKiB = memory, Iterations = iterations }).Succeeded);
}
