using System.Collections.Concurrent;
using System.Globalization;
using AuthPlatform.Soak;
using AuthPlatform.Testing;
using AuthPlatform.Testing.Faults;

// Soak: a private PostgreSQL, the service binary of this build configuration (Release from build/soak.sh),
// and mixed load (sign-up, sign-in, get-session, token when the build has it, sign-out) for a fixed time.
// Exit code 0 only with zero 5xx, zero lost sessions and resident memory flat after warm-up.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = SoakSettings.Parse(args);
if (args.Contains("--cleanup"))
{
    return await CleanupSoak.RunAsync(settings); // sessions table size under create-and-expire load
}

Console.WriteLine($"soak: {settings.Duration.TotalSeconds:0} s at {settings.Connections} connections, warm-up {settings.WarmUp.TotalSeconds:0} s; service {ServiceProcess.BinaryPath}");

await using var cluster = await PostgresCluster.StartAsync();
var connectionString = await cluster.CreateDatabaseAsync("soak");
await TestDatabase.MigrateAsync(connectionString);
await using var service = await ServiceInstance.StartAsync(connectionString, new Dictionary<string, string?>
{
    ["Database__MaxPoolSize"] = "32",
});
var recorder = new LoadRecorder(retainResults: false);
using var traffic = new AuthTraffic(service.BaseAddress, recorder);
var memory = new MemorySampler(service.Process.ProcessId);
var seconds = () => recorder.Now / 1000;
var startRss = memory.Sample(0);

var probe = await traffic.SignUpAsync(0, $"soak-probe-{Guid.NewGuid():N}@example.com") ?? throw new InvalidOperationException("the first sign-up failed");
var withTokens = await traffic.HasTokenEndpointAsync(probe);
Console.WriteLine(withTokens ? "token endpoint present: GET /token is part of the mix" : "no token endpoint in this build (GET /token answered 404): mix without tokens");

// Sessions that must still be valid at the end (never signed out), and the violations seen on the way.
var live = new ConcurrentBag<Credentials> { probe };
var violations = new ConcurrentQueue<string>();
using var stopSampling = new CancellationTokenSource();
var sampling = memory.RunAsync(seconds, TimeSpan.FromSeconds(5), stopSampling.Token);

await SteadyLoad.RunAsync(settings.Connections, settings.Duration, async worker =>
{
    // One round of a browser's life: sign up, use the session, sign in elsewhere, sign that one out.
    var account = await traffic.SignUpAsync(worker, $"soak-{worker}-{Guid.NewGuid():N}@example.com");
    if (account is null)
    {
        violations.Enqueue($"sign-up failed at {seconds():0} s");
        return;
    }

    live.Add(account);
    for (var i = 0; i < 16; i++)
    {
        Expect(await traffic.GetSessionAsync(worker, account), account, violations);
        if (withTokens && i % 4 == 0)
        {
            var token = await traffic.TokenAsync(worker, account);
            if (token.Status != 200)
            {
                violations.Enqueue($"token: {token}");
            }
        }
    }

    var second = await traffic.SignInAsync(worker, account.Email);
    if (second is null)
    {
        violations.Enqueue($"sign-in failed at {seconds():0} s");
        return;
    }

    Expect(await traffic.GetSessionAsync(worker, second), second, violations);
    await traffic.SignOutAsync(worker, second);
    var after = await traffic.GetSessionAsync(worker, second);
    if (!(after.Status == 200 && after.NullBody))
    {
        violations.Enqueue($"signed-out session still answered: {after}");
    }
}, maxStepsPerWorker: 1_000_000);

var loadEnded = seconds();
await stopSampling.CancelAsync();
await sampling;
var endRss = memory.Sample(loadEnded);

// Every session that was never signed out must still be valid.
var lost = 0;
var sessions = live.ToArray();
var verifier = new LoadRecorder(retainResults: false);
using var verifyTraffic = new AuthTraffic(service.BaseAddress, verifier);
await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (session, _) =>
{
    var answer = await verifyTraffic.GetSessionAsync(0, session);
    if (answer.Status != 200 || answer.UserId != session.UserId)
    {
        Interlocked.Increment(ref lost);
    }
});

var serverErrors = recorder.Counts.Where(c => c.Key.Status >= 500 || c.Key.Status == 0).Sum(c => c.Value);
var samples = memory.Samples;
var afterWarmUp = samples.Where(s => s.AtSeconds >= settings.WarmUp.TotalSeconds).ToList();
var warmRss = afterWarmUp.Count > 0 ? afterWarmUp[0].RssMiB : startRss;
var peakRss = samples.Max(s => s.RssMiB);
var halfway = settings.WarmUp.TotalSeconds + (loadEnded - settings.WarmUp.TotalSeconds) / 2;

// Password hashing allocates 19 MiB per hash, so RSS swings with the sign-in mix; a leak shows as a
// rising typical level, so the halves after warm-up are compared by their medians, not their peaks.
static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
}

var firstHalf = Median(afterWarmUp.Where(s => s.AtSeconds <= halfway).Select(s => s.RssMiB));
var secondHalf = Median(afterWarmUp.Where(s => s.AtSeconds > halfway).Select(s => s.RssMiB));
var flat = secondHalf <= firstHalf * 1.15 + 16;

Console.WriteLine();
Console.WriteLine(recorder.Summary());
Console.WriteLine($"requests: {recorder.Total} in {loadEnded:0} s ({recorder.Total / loadEnded:0} per second)");
Console.WriteLine($"5xx or no answer: {serverErrors}");
Console.WriteLine($"violations (wrong user, null for a live session, failed sign-in, signed-out session still valid): {violations.Count}");
foreach (var violation in violations.Take(10))
{
    Console.WriteLine($"  {violation}");
}

Console.WriteLine($"sessions checked at the end: {sessions.Length}, lost: {lost}");
Console.WriteLine($"RSS MiB: start {startRss:0.0}, after warm-up {warmRss:0.0}, peak {peakRss:0.0}, end {endRss:0.0}; median after warm-up: first half {firstHalf:0.0}, second half {secondHalf:0.0}: {(flat ? "flat" : "GROWING")}");
Console.WriteLine($"RSS samples (s:MiB): {string.Join(' ', samples.Select(s => $"{s.AtSeconds:0}:{s.RssMiB:0}"))}");
// The service's own account of anything that went wrong (warnings and errors only are logged in a soak).
var serviceLog = service.Process.StandardOutput.Split('\n').Where(l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal)).ToList();
var serviceLogPath = Path.Combine(Path.GetTempPath(), $"authplatform-soak-service-{DateTime.UtcNow:yyyyMMddHHmmss}.log");
await File.WriteAllTextAsync(serviceLogPath, service.Process.StandardOutput + service.Process.StandardError);
Console.WriteLine($"service log lines at Error or above: {serviceLog.Count} (full service log: {serviceLogPath})");
foreach (var line in serviceLog.Take(5))
{
    Console.WriteLine($"  {(line.Length > 4000 ? line[..4000] : line)}");
}

var passed = serverErrors == 0 && violations.IsEmpty && lost == 0 && flat;
Console.WriteLine(passed ? "SOAK PASSED" : "SOAK FAILED");
return passed ? 0 : 1;

static void Expect(LoadResult answer, Credentials session, ConcurrentQueue<string> violations)
{
    if (answer.Status != 200 || answer.NullBody || answer.UserId != session.UserId)
    {
        violations.Enqueue($"get-session for a live session: {answer}");
    }
}
