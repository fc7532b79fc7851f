using AuthPlatform.Domain.Passkeys;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.TwoFactor;

namespace AuthPlatform.Domain.UnitTests;

public sealed class SecondFactorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_totp_step_is_accepted_once_and_never_an_earlier_one()
    {
        var enrolment = TwoFactorEnrolment.Start("user-1", [1, 2, 3], "key-1", Now);

        Assert.True(enrolment.AcceptsStep(100));
        enrolment.RecordAcceptedCode(100, Now);

        Assert.True(enrolment.Verified);
        Assert.False(enrolment.AcceptsStep(100));
        Assert.False(enrolment.AcceptsStep(99));
        Assert.True(enrolment.AcceptsStep(101));
        Assert.Throws<Common.DomainRuleException>(() => enrolment.RecordAcceptedCode(100, Now));
    }

    [Fact]
    public void Backup_codes_are_shown_once_and_stored_as_digests_that_match_the_typed_code()
    {
        var (rows, codes) = BackupCode.NewSet("user-1", Now);

        Assert.Equal(10, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$", c));
        Assert.Equal(rows[3].Digest, BackupCode.DigestOfTyped(codes[3]));
        Assert.Equal(rows[3].Digest, BackupCode.DigestOfTyped(" " + codes[3].Replace("-", string.Empty, StringComparison.Ordinal)));
        var otherCase = new string(codes[3].Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
        Assert.Equal(codes[3].Any(char.IsLetter), rows[3].Digest.AsSpan().SequenceEqual(BackupCode.DigestOfTyped(otherCase)) == false);
        Assert.Null(BackupCode.DigestOfTyped("short"));
    }

    [Fact]
    public void A_trusted_device_ends_at_expiry_and_with_a_later_password_change()
    {
        var device = TrustedDevice.Trust("user-1", SessionToken.Generate(), TimeSpan.FromDays(30), Now);

        Assert.True(device.IsValid(Now.AddDays(29), passwordChangedAt: Now.AddDays(-3)));
        Assert.False(device.IsValid(Now.AddDays(30), passwordChangedAt: null));
        Assert.False(device.IsValid(Now.AddDays(1), passwordChangedAt: Now.AddHours(1)));

        device.Rotate(SessionToken.Generate(), TimeSpan.FromDays(30), Now.AddDays(20));
        Assert.True(device.IsValid(Now.AddDays(40), passwordChangedAt: null));
        Assert.False(device.IsValid(Now.AddDays(40), passwordChangedAt: Now.AddDays(1)));
    }

    [Fact]
    public void A_passkey_counter_must_move_forward_unless_the_authenticator_keeps_none()
    {
        var counting = Passkey.Register("user-1", " laptop ", [1, 2], [3, 4], 5, backupEligible: false, backedUp: false, "internal", null, Now);
        Assert.Equal("laptop", counting.Name);
        Assert.False(counting.TryAdvanceCounter(5, false));
        Assert.False(counting.TryAdvanceCounter(4, false));
        Assert.True(counting.TryAdvanceCounter(6, false));
        Assert.False(counting.TryAdvanceCounter(0, false));

        var uncounted = Passkey.Register("user-1", null, [1], [3], 0, backupEligible: true, backedUp: true, string.Empty, null, Now);
        Assert.Equal("multiDevice", uncounted.DeviceType);
        Assert.True(uncounted.TryAdvanceCounter(0, true));
        Assert.True(uncounted.TryAdvanceCounter(0, true));
    }
}
