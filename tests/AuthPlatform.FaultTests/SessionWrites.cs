using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The session-changing HTTP calls a browser makes (revoke, change password, update user), and a
/// get-session reader that reports what an instance answers, for the session cache tests.
/// </summary>
public sealed class SessionWrites(Uri baseAddress) : IDisposable
{
    /// <summary>How long a change may take to reach another instance before a test calls it lost.</summary>
    public static readonly TimeSpan PropagationBound = TimeSpan.FromSeconds(3);

    // No cookie container: each call carries exactly the session it names (a refresh's Set-Cookie must not
    // ride along with the next call for another session).
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseAddress => baseAddress;

    /// <summary>What get-session answered: the status, and the session's user, name and expiry (null: no session).</summary>
    public sealed record Answer(int Status, string? UserId, string? UserName, string? ExpiresAt, string Raw)
    {
        public bool IsLive => Status == 200 && UserId is not null;

        public bool IsSignedOut => Status == 200 && Raw.Trim() == "null";
    }

    public async Task<Answer> GetSessionAsync(Credentials session, bool disableRefresh = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session" + (disableRefresh ? "?disableRefresh=true" : ""));
        request.Headers.Add("Cookie", session.CookieHeader);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = (int)response.StatusCode == 200 && body.Trim() != "null" ? JsonNode.Parse(body) : null;
        return new Answer((int)response.StatusCode, json?["user"]?["id"]?.GetValue<string>(), json?["user"]?["name"]?.GetValue<string>(),
            json?["session"]?["expiresAt"]?.ToJsonString(), body);
    }

    /// <summary>Reads twice, so the session is in this instance's cache (when it has one), and checks it is live.</summary>
    public async Task WarmAsync(Credentials session)
    {
        for (var i = 0; i < 2; i++)
        {
            var answer = await GetSessionAsync(session);
            Assert.True(answer.IsLive, $"{baseAddress} before the write: {answer}");
        }
    }

    /// <summary>
    /// Reads until <paramref name="expected"/> holds; returns how long that took after the call. Fails when it
    /// does not hold within <see cref="PropagationBound"/>, or when the answer is ever neither the old nor the new one.
    /// </summary>
    public async Task<TimeSpan> AwaitAsync(Credentials session, Func<Answer, bool> expected, string what, bool disableRefresh = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await GetSessionAsync(session, disableRefresh);
            Assert.True(answer.Status == 200, $"{baseAddress} answered {answer} while waiting for {what}");
            if (expected(answer))
            {
                return clock.Elapsed;
            }

            Assert.True(clock.Elapsed < PropagationBound, $"{baseAddress} still answered {answer} {PropagationBound} after {what}");
        }
    }

    public Task RevokeSessionAsync(Credentials actor, Credentials target) => PostOkAsync(actor, "/api/auth/revoke-session", new { token = target.Token });

    public Task RevokeSessionsAsync(Credentials actor) => PostOkAsync(actor, "/api/auth/revoke-sessions", new { });

    public Task RevokeOtherSessionsAsync(Credentials actor) => PostOkAsync(actor, "/api/auth/revoke-other-sessions", new { });

    public Task ChangePasswordAsync(Credentials actor, string newPassword) =>
        PostOkAsync(actor, "/api/auth/change-password", new { currentPassword = AuthTraffic.Password, newPassword, revokeOtherSessions = true });

    public Task UpdateNameAsync(Credentials actor, string name) => PostOkAsync(actor, "/api/auth/update-user", new { name });

    public void Dispose() => _http.Dispose();

    private async Task PostOkAsync(Credentials actor, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Cookie", actor.CookieHeader);
        request.Headers.Add("Origin", baseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} on {baseAddress}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
