using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Domain.UnitTests;

public sealed class VerificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tokens_are_256_random_bits_and_only_their_digest_is_kept()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => OneTimeToken.Generate()).ToList();
        Assert.Equal(100, tokens.Select(t => t.Value).Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(43, t.Value.Length));

        var ticket = VerificationTicket.Issue(VerificationPurpose.PasswordReset, tokens[0], "user", "a@example.com", TimeSpan.FromHours(1), Now);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(tokens[0].Value)), ticket.TokenDigest);
        Assert.DoesNotContain(tokens[0].Value, tokens[0].ToString(), StringComparison.Ordinal);
        Assert.True(ticket.IsUsable(Now.AddMinutes(59)));
        Assert.False(ticket.IsUsable(Now.AddHours(1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("too-short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_but_a_generated_token_is_refused(string? text) => Assert.False(OneTimeToken.TryParse(text, out _));

    [Fact]
    public void Failed_deliveries_back_off_exponentially_up_to_the_cap()
    {
        var job = MailJob.Create(MailKind.PasswordReset, "a@example.com", null, null, null, Now);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            job.Fail("down", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), Now);
            delays.Add(job.NextAttemptAt - Now);
        }

        Assert.Equal(new[] { 5, 10, 20, 40, 60, 60 }.Select(s => TimeSpan.FromSeconds(s)), delays);
        Assert.Equal(6, job.Attempts);
    }
}
