using AuthPlatform.Testing;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Doctor;
using AuthPlatform.WebApi.Doctor;
using AuthPlatform.WebApi.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>Single doctor checks on configurations built in memory, and the clock check against a real database with a skewed clock.</summary>
public sealed class DoctorChecksTests(TestDatabase database)
{
    [Fact]
    public async Task A_clock_more_than_a_minute_off_the_database_clock_fails()
    {
        await using var app = ServiceHost.Build([$"--Database:Url={database.ConnectionString}", $"--Auth:Secret={TestSettings.Secret}", "--Auth:BaseUrl=http://localhost"]);
        var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5));
        var context = new DoctorContext(app.Services, app.Configuration, skewed);

        var report = await DoctorRunner.RunAsync(context, [new DatabaseCheck(), new ClockCheck()], CancellationToken.None);

        Assert.NotEqual(DoctorStatus.Fail, report.Checks[0].Result.Status);
        var clock = report.Checks[1].Result;
        Assert.Equal(DoctorStatus.Fail, clock.Status);
        // The fake clock stands still while the real one runs on, so the skew is a little under 300 s.
        var seconds = double.Parse(System.Text.RegularExpressions.Regex.Match(clock.Summary, @"clock is (\d+\.\d) s ahead of the database's").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 200, 301);
        Assert.Contains("NTP", clock.Fix, StringComparison.Ordinal);

        // The real clock of this machine agrees with the database running on it.
        var inSync = await DoctorRunner.RunAsync(new DoctorContext(app.Services, app.Configuration, TimeProvider.System), [new DatabaseCheck(), new ClockCheck()], CancellationToken.None);
        Assert.Equal(DoctorStatus.Pass, inSync.Checks[1].Result.Status);
    }

    [Theory]
    [InlineData(-30, DoctorStatus.Pass, "behind")]
    [InlineData(59, DoctorStatus.Pass, "ahead of")]
    [InlineData(61, DoctorStatus.Fail, "ahead of")]
    [InlineData(-3600, DoctorStatus.Fail, "behind")]
    public async Task The_clock_check_allows_sixty_seconds_either_way(int skewSeconds, DoctorStatus expected, string direction)
    {
        var context = Context([]);
        var server = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        context.DatabaseObservation = Observation() with { ServerTime = server, LocalTime = server.AddSeconds(skewSeconds) };

        var result = await new ClockCheck().RunAsync(context, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Contains(direction, result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://auth.example.com", "https://app.example.com", true)]
    [InlineData("https://auth.example.com:8443", "https://example.com", true)]
    [InlineData("http://localhost:5000", "http://localhost:3000", true)]
    [InlineData("https://auth.example.com", "http://app.example.com", false)]
    [InlineData("https://auth.example.com", "https://app.example.org", false)]
    [InlineData("https://auth.example.co.uk", "https://app.example.co.uk", true)]
    [InlineData("https://auth.example.co.uk", "https://other.co.uk", false)]
    [InlineData("https://my-auth.vercel.app", "https://my-app.vercel.app", false)]
    [InlineData("https://api.my-app.vercel.app", "https://my-app.vercel.app", true)]
    [InlineData("http://localhost:5000", "http://127.0.0.1:3000", false)]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:3000", true)]
    public void Same_site_follows_scheme_and_registrable_domain(string first, string second, bool sameSite) =>
        Assert.Equal(sameSite, SiteRelation.IsSameSite(new Uri(first), new Uri(second)));

    [Fact]
    public async Task A_cookie_domain_that_is_a_public_suffix_or_foreign_to_the_host_fails()
    {
        var publicSuffix = await new CookieCheck().RunAsync(Context(new() { ["Auth:BaseUrl"] = "https://my-auth.vercel.app", ["Auth:Cookies:Domain"] = "vercel.app" }), CancellationToken.None);
        var foreign = await new CookieCheck().RunAsync(Context(new() { ["Auth:BaseUrl"] = "https://auth.example.com", ["Auth:Cookies:Domain"] = "example.org" }), CancellationToken.None);
        var parent = await new CookieCheck().RunAsync(Context(new() { ["Auth:BaseUrl"] = "https://auth.example.com", ["Auth:Cookies:Domain"] = "example.com" }), CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, publicSuffix.Status);
        Assert.Contains("public suffix", publicSuffix.Summary, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Fail, foreign.Status);
        Assert.Contains("does not contain the base URL's host", foreign.Summary, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Pass, parent.Status);
        Assert.Contains("__Secure-better-auth.session_token", parent.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cross_site_mode_without_partitioned_fails_and_without_any_cross_site_origin_warns()
    {
        var unpartitioned = await new CookieCheck().RunAsync(Context(new()
        {
            ["Auth:BaseUrl"] = "https://auth.example.com",
            ["Auth:TrustedOrigins"] = "https://app.example.org",
            ["Auth:Cookies:Mode"] = "CrossSite",
            ["Auth:Cookies:Partitioned"] = "false",
        }), CancellationToken.None);
        var needless = await new CookieCheck().RunAsync(Context(new()
        {
            ["Auth:BaseUrl"] = "https://auth.example.com",
            ["Auth:TrustedOrigins"] = "https://app.example.com",
            ["Auth:Cookies:Mode"] = "CrossSite",
        }), CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, unpartitioned.Status);
        Assert.Contains("without Partitioned", unpartitioned.Summary, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Warn, needless.Status);
        Assert.Contains("SameSite=Lax", needless.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_resource_server_check_uses_the_configured_issuer_and_audiences()
    {
        var context = Context(new()
        {
            ["Auth:BaseUrl"] = "https://auth.example.com",
            ["Auth:Jwt:Issuer"] = "https://id.example.com",
            ["Auth:Jwt:Audience"] = "orders-api, billing-api",
        });
        Assert.True(ResourceServerSettings.TryParse("https://id.example.com, billing-api, https://auth.example.com/.well-known/jwks.json", out var matching, out _));
        Assert.True(ResourceServerSettings.TryParse("https://auth.example.com,https://auth.example.com,https://auth.example.com/api/auth/jwks", out var defaults, out _));

        Assert.Equal(DoctorStatus.Pass, (await new ResourceServerCheck().RunAsync(For(context, matching), CancellationToken.None)).Status);
        var mismatch = await new ResourceServerCheck().RunAsync(For(context, defaults), CancellationToken.None);
        Assert.Equal(DoctorStatus.Fail, mismatch.Status);
        Assert.Equal(2, mismatch.Details!.Count);
    }

    [Fact]
    public async Task A_jwks_url_over_plain_http_to_another_host_is_a_warning()
    {
        var context = Context(new() { ["Auth:BaseUrl"] = "http://auth.internal" });
        Assert.True(ResourceServerSettings.TryParse("http://auth.internal,http://auth.internal,http://auth.internal/api/auth/jwks/", out var settings, out _));

        var result = await new ResourceServerCheck().RunAsync(For(context, settings), CancellationToken.None);

        Assert.Equal(DoctorStatus.Warn, result.Status);
        Assert.Contains("plain http", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://u:p@ep-cool-name-123-pooler.eu-central-1.aws.neon.tech/db?sslmode=require", "ep-cool-name-123-pooler")]
    [InlineData("Host=db.internal;Port=6432;Database=auth;Username=u", "port 6432")]
    public async Task A_pooler_in_the_url_needs_the_pooler_setting(string url, string hint)
    {
        var undeclared = Context(new() { ["Database:Url"] = url });
        undeclared.DatabaseObservation = Observation();
        var declared = Context(new() { ["Database:Url"] = url, ["Database:Pooler"] = "true" });
        declared.DatabaseObservation = Observation();

        var failing = await new DatabasePoolCheck().RunAsync(undeclared, CancellationToken.None);

        Assert.Equal(DoctorStatus.Fail, failing.Status);
        Assert.Contains(hint, failing.Summary, StringComparison.Ordinal);
        Assert.Equal(DoctorStatus.Pass, (await new DatabasePoolCheck().RunAsync(declared, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Checks_that_need_the_database_skip_without_it()
    {
        var context = Context(new() { ["Database:Url"] = "postgres://u@localhost/db" });

        foreach (IDoctorCheck check in new IDoctorCheck[] { new DatabasePoolCheck(), new ClockCheck() })
        {
            Assert.Equal(DoctorStatus.Skip, (await check.RunAsync(context, CancellationToken.None)).Status);
        }
    }

    private static DoctorContext Context(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new DoctorContext(new ServiceCollection().BuildServiceProvider(), configuration, TimeProvider.System);
    }

    /// <summary>The same context, for a doctor run given --resource-server.</summary>
    private static DoctorContext For(DoctorContext context, ResourceServerSettings resourceServer) =>
        new(context.Services, context.Configuration, context.Clock) { ResourceServer = resourceServer };

    private static DatabaseObservation Observation() => new(
        "localhost:5432/db", "17.0", TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(1),
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, MaxConnections: 100, ReservedConnections: 3, OpenConnections: 5);
}
