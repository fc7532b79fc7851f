using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.TwoFactor;
using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>
/// Every opaque token's stored lookup key is the one digest (<see cref="OpaqueTokenDigest"/>): SHA-256 of
/// its ASCII characters, pinned, since stored sessions, tickets, states and backup codes are found by it.
/// </summary>
public sealed class OpaqueTokenDigestTests
{
    [Fact]
    public void The_digest_is_sha256_of_the_ascii_characters() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(OpaqueTokenDigest.Of("abc")));

    [Fact]
    public void Every_kind_of_token_uses_it()
    {
        var session = SessionToken.Generate();
        var ticket = OneTimeToken.Generate();
        const string backup = "abcde12345";

        Assert.Equal(OpaqueTokenDigest.Of(session.Value), session.ComputeDigest());
        Assert.Equal(OpaqueTokenDigest.Of(ticket.Value), ticket.ComputeDigest());
        Assert.Equal(OpaqueTokenDigest.Of(backup), BackupCode.DigestOfTyped("abcde-12345"));
    }
}
