using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace AuthPlatform.Testing;

/// <summary>
/// The real service binary on loopback, <see cref="ConcurrentSignIns"/> clients signing in (each as soon as
/// its previous answer came, waiting Retry-After when told to) for a bounded time, while one client checks
/// its session in a loop. One scenario for two uses: the Security suite asserts what must hold under it
/// (Asvs10_GetSessionUnderSignInLoad), the benchmark reports its latencies (build/sign-in-load.sh).
/// </summary>
public static class SignInLoad
{
    public const int ConcurrentSignIns = 200;

    /// <summary>Status code of a sign-in that got no HTTP answer at all.</summary>
    public const int NoAnswer = -1;

    /// <param name="SignInStatuses">How many sign-ins got each status code (<see cref="NoAnswer"/> for none).</param>
    /// <param name="WrongSessionAnswers">Session checks that did not answer 200 with the session.</param>
    public sealed record Outcome(
        IReadOnlyDictionary<int, int> SignInStatuses,
        IReadOnlyList<double> SignInMilliseconds,
        IReadOnlyList<double> GetSessionMilliseconds,
        int WrongSessionAnswers);

    public static async Task<Outcome> RunAsync(string databaseUrl, TimeSpan duration)
    {
        var port = PostgresCluster.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string?>
        {
            ["AUTH_SECRET"] = TestSettings.Secret,
            ["AUTH_BASE_URL"] = baseUrl,
            ["DATABASE_URL"] = databaseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Serilog__MinimumLevel__Default"] = "Error",
            ["Serilog__MinimumLevel__Override__AuthPlatform"] = "Error",
            ["Serilog__MinimumLevel__Override__Microsoft"] = "Error",
            ["Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware"] = "Error",
        };
        foreach (var (key, value) in TestSettings.RaisedLimits)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        await using var service = ServiceProcess.Start(environment, "--urls", baseUrl);
        await service.WaitUntilReadyAsync(baseUrl + "/health/ready", TimeSpan.FromSeconds(60));

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = ConcurrentSignIns + 10, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var signUp = await http.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Ann", email = "ann@example.com", password = AuthApi.Password });
        var cookie = AuthApi.SessionSetCookie(signUp)?.Split(';')[0]
            ?? throw new InvalidOperationException($"sign-up answered {(int)signUp.StatusCode} without a session cookie");

        // Warm up both paths.
        for (var i = 0; i < 20; i++)
        {
            await GetSessionAsync(http, cookie);
        }

        using var stop = new CancellationTokenSource(duration);
        var statuses = new ConcurrentDictionary<int, int>();
        var signInLatencies = new ConcurrentBag<double>();
        var load = Enumerable.Range(0, ConcurrentSignIns).Select(async i =>
        {
            var password = i % 2 == 0 ? AuthApi.Password : "not the password";
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/auth/sign-in/email", new { email = "ann@example.com", password }, CancellationToken.None);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    signInLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.Headers.RetryAfter?.Delta is { } wait)
                    {
                        // A well-behaved client honours Retry-After; without this the load is a busy loop
                        // of 200 clients on two cores, not 200 concurrent sign-ins.
                        await Task.Delay(wait, CancellationToken.None);
                    }
                }
                catch (HttpRequestException)
                {
                    statuses.AddOrUpdate(NoAnswer, 1, (_, n) => n + 1);
                }
            }
        }).ToList();

        var getSession = new List<double>();
        var wrongAnswers = 0;
        while (!stop.IsCancellationRequested && getSession.Count < 5_000)
        {
            var (elapsed, ok) = await GetSessionAsync(http, cookie);
            getSession.Add(elapsed);
            wrongAnswers += ok ? 0 : 1;
        }

        await Task.WhenAll(load);
        return new Outcome(new Dictionary<int, int>(statuses), [.. signInLatencies], getSession, wrongAnswers);
    }

    private static async Task<(double Elapsed, bool Ok)> GetSessionAsync(HttpClient http, string cookie)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { "Cookie", cookie } } };
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (elapsed, response.StatusCode == HttpStatusCode.OK && body.Contains("\"session\"", StringComparison.Ordinal));
    }
}
