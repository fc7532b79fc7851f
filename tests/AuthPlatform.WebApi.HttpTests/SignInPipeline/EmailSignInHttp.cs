using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.SignInPipeline;

/// <summary>The magic-link and email-code routes, spoken as BetterAuth's clients do, and the mail they send.</summary>
public static partial class EmailSignInHttp
{
    public static Task<HttpResponseMessage> RequestMagicLinkAsync(this HttpClient client, string email, string? callbackURL = "/dashboard", string? newUserCallbackURL = null) =>
        client.PostAsJsonAsync("/api/auth/sign-in/magic-link", new { email, callbackURL, newUserCallbackURL });

    public static Task<HttpResponseMessage> SendOtpAsync(this HttpClient client, string email, string type = "sign-in") =>
        client.PostAsJsonAsync("/api/auth/email-otp/send-verification-otp", new { email, type });

    public static Task<HttpResponseMessage> SignInWithOtpAsync(this HttpClient client, string email, string otp) =>
        client.PostAsJsonAsync("/api/auth/sign-in/email-otp", new { email, otp });

    /// <summary>The newest mail to <paramref name="to"/>, once <paramref name="count"/> have arrived.</summary>
    public static async Task<MailCatcher.ReceivedMail> MailAsync(MailCatcher catcher, string to, int count = 1)
    {
        var mails = await catcher.WaitForAsync(count, to);
        Assert.True(mails.Count >= count, $"{mails.Count} mails to {to}, expected {count}");
        return mails[^1];
    }

    /// <summary>The six-digit code in a mail's text, alone on its line.</summary>
    public static string CodeOf(MailCatcher.ReceivedMail mail) =>
        CodePattern().Match(mail.Text ?? string.Empty) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The mail holds no code.");

    /// <summary>A code that is not <paramref name="code"/>.</summary>
    public static string Wrong(string code) => string.Concat(code[..^1], (char)('0' + ((code[^1] - '0' + 1) % 10)));

    /// <summary>Waits until the outbox finished every job to <paramref name="to"/> and returns how they ended (Sent, Dropped).</summary>
    public static async Task<string> OutcomeOfLastJobAsync(TestDatabase database, string to)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var pending = await database.ScalarAsync<long>("select count(*) from mail_jobs where recipient = $1 and completed_at is null", to);
            if (pending == 0)
            {
                return await database.ScalarAsync<string>("select outcome from mail_jobs where recipient = $1 order by id desc limit 1", to);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The mail to {to} was not handled.");
    }

    [GeneratedRegex(@"^\s*(\d{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex CodePattern();
}
