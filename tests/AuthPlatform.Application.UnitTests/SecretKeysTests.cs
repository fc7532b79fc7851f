using AuthPlatform.Application.Common.Security;

namespace AuthPlatform.Application.UnitTests;

/// <summary>
/// Every key derived from the secret is pinned to the value the code it replaced derived (ADR 0124): a change
/// of a derivation input would sign everyone out, drop the cookie cache, make stored ciphertexts unreadable
/// and reset the limits' row keys. The vectors were computed from the previous derivations (HKDF-SHA256 and
/// SHA-256 with the same salts, infos and prefixes); the key ids are also checked through the encryptors in
/// Infrastructure.Tests (SecretDerivationPinTests), which ran unchanged before and after.
/// </summary>
public sealed class SecretKeysTests
{
    private const string Secret = "pinned-test-secret-0123456789abcdefghijklmnop";

    [Fact]
    public void The_cookie_signature_key_is_the_secret_itself() =>
        Assert.Equal("70696e6e65642d746573742d7365637265742d303132333435363738396162636465666768696a6b6c6d6e6f70", Hex(SecretKeys.CookieSignature(Secret)));

    [Fact]
    public void The_cookie_cache_key_is_unchanged() =>
        Assert.Equal("4f9894f11e270a37e679919405e098c82c8bf7d7dfbef7bf64347f0554d13913", Hex(SecretKeys.SessionDataCookie(Secret, "1")));

    [Theory]
    [InlineData(EncryptedFamily.SigningKeys, "iwngVhVkeURmMuY8", "ea2cd1d8ea95fd2530cfcf71d507ca76f50a474441c99dbdea3c20db0f96c9d5")]
    [InlineData(EncryptedFamily.SecondFactors, "YSyyenJaN528UE65", "e28878b9e6e17fd41789fde414d08741f611292cd3331cfaa31d6183c2755e28")]
    [InlineData(EncryptedFamily.ProviderTokens, "LHqwH8_v2V-o2fpQ", "d6c998686b895195841d35c35ef8340dcf222004d52156de94f18affda81a058")]
    public void The_encryption_keys_and_their_ids_are_unchanged(EncryptedFamily family, string id, string key)
    {
        var derived = SecretKeys.Encryption(Secret, family);

        Assert.Equal(id, derived.Id);
        Assert.Equal(key, Hex(derived.Key));
    }

    [Fact]
    public void The_limit_keys_are_unchanged()
    {
        Assert.Equal("06846abf99763bb9a55ef88ea9a82794ea1812354a923651ed386cf94a755801", Hex(SecretKeys.SignInThrottle(Secret)));
        Assert.Equal("af99f32be7f3111cfb76b2c46c51b6ad3b92b4c9bf346fb98a6a1f7a3d20a680", Hex(SecretKeys.RequestLimit(Secret)));
    }

    [Fact]
    public void No_two_purposes_share_a_key()
    {
        string[] keys =
        [
            Hex(SecretKeys.CookieSignature(Secret)), Hex(SecretKeys.SessionDataCookie(Secret, "1")), Hex(SecretKeys.SessionDataCookie(Secret, "2")),
            .. Enum.GetValues<EncryptedFamily>().Select(f => Hex(SecretKeys.Encryption(Secret, f).Key)),
            Hex(SecretKeys.SignInThrottle(Secret)), Hex(SecretKeys.RequestLimit(Secret)),
        ];

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
