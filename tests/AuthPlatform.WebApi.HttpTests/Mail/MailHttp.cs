using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>The mail routes, spoken as a frontend does.</summary>
public static class MailHttp
{
    public static Task<HttpResponseMessage> RequestResetAsync(this HttpClient client, string email, string? redirectTo = "/reset-password") =>
        client.PostAsJsonAsync("/api/auth/request-password-reset", redirectTo is null ? new { email } : (object)new { email, redirectTo });

    public static Task<HttpResponseMessage> ResetPasswordAsync(this HttpClient client, string token, string newPassword) =>
        client.PostAsJsonAsync("/api/auth/reset-password", new { newPassword, token });

    /// <summary>The path and query of a mailed link (the in-memory test server answers any host).</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    /// <summary>The token in a mailed reset link: /reset-password/&lt;token&gt;?callbackURL=...</summary>
    public static string ResetTokenOf(string link) => new Uri(link).AbsolutePath.Split('/')[^1];

    public static async Task<string?> UserEmailAsync(this HttpClient client, string cookieHeader) =>
        (await (await client.GetSessionAsync(cookieHeader, "?disableCookieCache=true")).JsonAsync())?["user"]?["email"]?.GetValue<string>();

    public static async Task<bool?> EmailVerifiedAsync(this HttpClient client, string cookieHeader) =>
        (await (await client.GetSessionAsync(cookieHeader, "?disableCookieCache=true")).JsonAsync())?["user"]?["emailVerified"]?.GetValue<bool>();
}
