using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Passwords;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Tests;

/// <summary>
/// BetterAuth's scrypt hashes. The known-answer vectors were computed by an independent implementation,
/// Node's crypto.scryptSync(password.normalize("NFKC"), saltHex, 64, {N: 16384, r: 16, p: 1}), exactly as
/// @better-auth/utils does; the import tests also verify hashes written by BetterAuth itself.
/// </summary>
public sealed class BetterAuthScryptHashFormatTests
{
    private const string AsciiHash =
        "0123456789abcdef0123456789abcdef:b87ad68e260d745e9edfac97cc70f72a8fbb1771cf033e8d2b3c360d3788e3548d977bae5090f5d6cd75f5190a6fbe6b0b5737d5420119bd1e44ccdc779acfe5";

    // Password "ｐａｓｓｗｏｒｄ１２３４" (full-width), which NFKC turns into "password1234".
    private const string FullWidthHash =
        "0123456789abcdef0123456789abcdef:74369303c2129f51b1d88426bc1ea315373e0161c8b065ebff3c355c80ef17331fbba17d67d0aa89370462b5143bdbc1edf3080c5a0721978639f914aa7aeb4f";

    private static readonly BetterAuthScryptHashFormat Format = new();

    private static PasswordHasher Hasher() =>
        new(new Argon2idHashFormat(Options.Create(new PasswordHashingOptions())), [Format]);

    [Fact]
    public void The_right_password_verifies_and_asks_for_a_rehash()
    {
        Assert.True(Format.Verify("correct horse battery", AsciiHash, out var rehashNeeded));
        Assert.True(rehashNeeded);
    }

    [Theory]
    [InlineData("correct horse batter")]
    [InlineData("Correct horse battery")]
    [InlineData("correct horse battery ")]
    public void Other_passwords_do_not_verify(string password) =>
        Assert.False(Format.Verify(password, AsciiHash, out _));

    [Fact]
    public async Task The_hasher_verifies_nfkc_equivalent_passwords_as_betterauth_does()
    {
        var hasher = Hasher();

        Assert.Equal(PasswordVerification.SucceededRehashNeeded, await hasher.VerifyAsync("ｐａｓｓｗｏｒｄ１２３４", FullWidthHash, CancellationToken.None));
        Assert.Equal(PasswordVerification.SucceededRehashNeeded, await hasher.VerifyAsync("password1234", FullWidthHash, CancellationToken.None));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync("password12345", FullWidthHash, CancellationToken.None));
    }

    [Fact]
    public void A_changed_key_does_not_verify()
    {
        var tampered = AsciiHash[..^1] + (AsciiHash[^1] == '0' ? '1' : '0');

        Assert.True(Format.Recognizes(tampered));
        Assert.False(Format.Verify("correct horse battery", tampered, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef:b87a")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF:b87ad68e260d745e9edfac97cc70f72a8fbb1771cf033e8d2b3c360d3788e3548d977bae5090f5d6cd75f5190a6fbe6b0b5737d5420119bd1e44ccdc779acfe5")]
    [InlineData("0123456789abcdef0123456789abcdeg:b87ad68e260d745e9edfac97cc70f72a8fbb1771cf033e8d2b3c360d3788e3548d977bae5090f5d6cd75f5190a6fbe6b0b5737d5420119bd1e44ccdc779acfe5")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")]
    public void Other_strings_are_not_recognised_and_never_verify(string stored)
    {
        Assert.False(Format.Recognizes(stored));
        Assert.False(Format.Verify("correct horse battery", stored, out _));
    }

    [Fact]
    public async Task An_argon2id_hash_is_not_mistaken_for_scrypt_and_stays_current()
    {
        var hasher = Hasher();
        var hash = await hasher.HashAsync("correct horse battery", CancellationToken.None);

        Assert.False(Format.Recognizes(hash));
        Assert.Equal(PasswordVerification.Succeeded, await hasher.VerifyAsync("correct horse battery", hash, CancellationToken.None));
    }
}
