using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Mail;

namespace AuthPlatform.WebApi.HttpTests.SignInPipeline;

/// <summary>
/// Mailed one-time codes (BetterAuth's email-otp plugin): sign-in through the sign-in pipeline, each code used
/// once and only until it expires, at most three guesses judged per code even when they arrive together, the
/// same answer for every address, and verification and reset by code.
/// </summary>
[Trait("Tier", "fast")]
public sealed class EmailOtpSignInTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    private const string NewPassword = "a brand new passphrase";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_code_signs_in_once_and_a_second_use_is_refused()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var signedUp = await client.SignUpAsync("otpa@example.com");
        Assert.Equal("{\"success\":true}", await (await client.SendOtpAsync("otpa@example.com")).Content.ReadAsStringAsync());
        var code = EmailSignInHttp.CodeOf(await EmailSignInHttp.MailAsync(mail.Catcher, "otpa@example.com"));

        var signedIn = await AuthApi.ReadSignedInAsync(await client.SignInWithOtpAsync("otpa@example.com", code));
        Assert.Equal(signedUp.UserId, signedIn.UserId);
        Assert.Equal(signedUp.UserId, (await (await client.GetSessionAsync(signedIn.Cookie)).JsonAsync())!["user"]!["id"]!.GetValue<string>());
        Assert.Equal("email", await database.ScalarAsync<string>("select authentication_methods from sessions order by created_at desc limit 1"));

        var again = await client.SignInWithOtpAsync("otpa@example.com", code);
        await again.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_OTP");
        Assert.Null(AuthApi.SessionSetCookie(again));
    }

    [Fact]
    public async Task Wrong_codes_count_and_after_three_even_the_right_code_is_refused()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("otpb@example.com");
        await client.SendOtpAsync("otpb@example.com");
        var code = EmailSignInHttp.CodeOf(await EmailSignInHttp.MailAsync(mail.Catcher, "otpb@example.com"));

        for (var i = 0; i < 3; i++)
        {
            await (await client.SignInWithOtpAsync("otpb@example.com", EmailSignInHttp.Wrong(code))).AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_OTP");
        }

        var right = await client.SignInWithOtpAsync("otpb@example.com", code);
        await right.AssertProblemAsync(HttpStatusCode.Forbidden, "TOO_MANY_ATTEMPTS");
        Assert.Null(AuthApi.SessionSetCookie(right));
    }

    [Fact]
    public async Task Concurrent_wrong_guesses_are_judged_at_most_three_times()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("otpc@example.com");
        await client.SendOtpAsync("otpc@example.com");
        var code = EmailSignInHttp.CodeOf(await EmailSignInHttp.MailAsync(mail.Catcher, "otpc@example.com"));

        var wrong = EmailSignInHttp.Wrong(code);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ => await (await client.SignInWithOtpAsync("otpc@example.com", wrong)).CodeAsync()));

        Assert.Equal(3, answers.Count(a => a == "INVALID_OTP"));
        Assert.Equal(17, answers.Count(a => a == "TOO_MANY_ATTEMPTS"));
        await (await client.SignInWithOtpAsync("otpc@example.com", code)).AssertProblemAsync(HttpStatusCode.Forbidden, "TOO_MANY_ATTEMPTS");
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        await using var factory = mail.Service(database, fakeClock: true);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("otpd@example.com");
        await client.SendOtpAsync("otpd@example.com");
        var code = EmailSignInHttp.CodeOf(await EmailSignInHttp.MailAsync(mail.Catcher, "otpd@example.com"));

        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var expired = await client.SignInWithOtpAsync("otpd@example.com", code);
        await expired.AssertProblemAsync(HttpStatusCode.BadRequest, "OTP_EXPIRED");
        Assert.Null(AuthApi.SessionSetCookie(expired));
    }

    [Fact]
    public async Task Every_address_gets_the_same_answer_and_a_sign_in_code_signs_a_new_one_up()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("otpe@example.com");

        foreach (var type in new[] { "sign-in", "email-verification", "forget-password" })
        {
            var known = await client.SendOtpAsync("otpe@example.com", type);
            var unknown = await client.SendOtpAsync("newe@example.com", type);
            Assert.Equal(known.StatusCode, unknown.StatusCode);
            Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        }

        // Only the sign-in code goes to the address without an account (sign-up is allowed), and it signs up.
        Assert.Equal("Dropped", await EmailSignInHttp.OutcomeOfLastJobAsync(database, "newe@example.com"));
        var code = EmailSignInHttp.CodeOf(Assert.Single(await mail.Catcher.WaitForAsync(to: "newe@example.com")));
        var signedIn = await client.PostAsJsonAsync("/api/auth/sign-in/email-otp", new { email = "newe@example.com", otp = code, name = "Eve" });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("Eve", (await signedIn.JsonAsync())!["user"]!["name"]!.GetValue<string>());
        Assert.True(await database.ScalarAsync<bool>("select email_verified from users where email = 'newe@example.com'"));
    }

    [Fact]
    public async Task A_verification_code_verifies_the_address()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("otpf@example.com");
        await client.SendOtpAsync("otpf@example.com", "email-verification");
        var code = EmailSignInHttp.CodeOf(await EmailSignInHttp.MailAsync(mail.Catcher, "otpf@example.com"));

        var check = await client.PostAsJsonAsync("/api/auth/email-otp/check-verification-otp", new { email = "otpf@example.com", type = "email-verification", otp = code });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.False(await database.ScalarAsync<bool>("select email_verified from users where email = 'otpf@example.com'"));

        var verified = await client.PostAsJsonAsync("/api/auth/email-otp/verify-email", new { email = "otpf@example.com", otp = code });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True((await verified.JsonAsync())!["user"]!["emailVerified"]!.GetValue<bool>());
        Assert.True(await database.ScalarAsync<bool>("select email_verified from users where email = 'otpf@example.com'"));
        await (await client.PostAsJsonAsync("/api/auth/email-otp/verify-email", new { email = "otpf@example.com", otp = code })).AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_OTP");
    }

    [Fact]
    public async Task A_reset_code_sets_the_password_and_ends_the_old_sessions()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var signedUp = await client.SignUpAsync("otpg@example.com");
        var reset = await client.PostAsJsonAsync("/api/auth/email-otp/request-password-reset", new { email = "otpg@example.com" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var code = EmailSignInHttp.CodeOf(await EmailSignInHttp.MailAsync(mail.Catcher, "otpg@example.com"));

        var done = await client.PostAsJsonAsync("/api/auth/email-otp/reset-password", new { email = "otpg@example.com", otp = code, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        Assert.Equal("null", await (await client.GetSessionAsync(signedUp.Cookie, "?disableCookieCache=true")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostSignInAsync("otpg@example.com", AuthApi.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("otpg@example.com", NewPassword)).StatusCode);
        await (await client.PostAsJsonAsync("/api/auth/email-otp/reset-password", new { email = "otpg@example.com", otp = code, password = "yet another passphrase" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_OTP");
    }
}
