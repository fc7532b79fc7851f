using AuthPlatform.Application.Common.Options;
using AuthPlatform.Infrastructure.SecondFactors;
using AuthPlatform.Infrastructure.SigningKeys;
using AuthPlatform.Infrastructure.Social;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Tests;

/// <summary>
/// The ids of the encryption keys the encryptors derive from a fixed secret, pinned: every stored blob
/// names the key that made it by this id, so a changed derivation would make stored signing keys, TOTP
/// secrets and provider tokens unreadable. Written against the encryptors' public surface, so it ran the
/// same before and after their derivations moved into SecretKeys (ADR 0124).
/// </summary>
public sealed class SecretDerivationPinTests
{
    private static readonly IOptions<AuthOptions> Auth = Options.Create(new AuthOptions { Secret = "pinned-test-secret-0123456789abcdefghijklmnop" });

    [Fact]
    public void The_encryption_key_ids_are_the_ones_stored_blobs_name()
    {
        Assert.Equal("iwngVhVkeURmMuY8", new SigningKeyEncryption(Auth).CurrentEncryptionKeyId);
        Assert.Equal("YSyyenJaN528UE65", new SecondFactorSecretEncryption(Auth).CurrentKeyId);
        Assert.Equal("LHqwH8_v2V-o2fpQ", new ProviderTokenEncryption(Auth).CurrentKeyId);
    }
}
