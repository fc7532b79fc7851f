using System.Text.Json.Nodes;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Doctor;
using AuthPlatform.Infrastructure.Persistence.Audit;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// The audit trail from the operator's side: `doctor` names an event altered or removed in the database, and
/// `export-audit` writes the trail as JSON lines. The events come from operator commands (actor "operator").
/// </summary>
public sealed class AuditTrailCommandTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Doctor_passes_on_an_intact_chain_and_names_an_event_altered_or_removed_in_the_middle()
    {
        foreach (var name in new[] { "ann", "bob", "cai", "dee" })
        {
            var created = await OperatorCli.RunAsync(Good(), "create-user", "--email", $"{name}@example.com", "--name", name, "--password", "operator chosen passphrase");
            Assert.True(created.ExitCode == 0, created.ToString());
        }

        await using var app = ServiceHost.Build([$"--Database:Url={database.ConnectionString}", $"--Auth:Secret={TestSettings.Secret}", "--Auth:BaseUrl=http://localhost"]);
        Assert.Equal(4, await app.Services.GetRequiredService<AuditChain>().SealAsync(CancellationToken.None));
        Assert.Equal(4, await database.ScalarAsync<int>("select count(*)::int from audit_events where position is not null and actor_id = 'operator'"));

        Assert.Equal(DoctorStatus.Pass, (await AuditCheckAsync(app)).Status);

        var middle = await database.ScalarAsync<long>("select id from audit_events where position = 2");
        var reason = await database.ScalarAsync<string>("select reason from audit_events where position = 2");
        await database.ScalarAsync<int>("with changed as (update audit_events set reason = 'edited' where position = 2 returning 1) select count(*)::int from changed");
        var altered = await AuditCheckAsync(app);
        Assert.Equal(DoctorStatus.Fail, altered.Status);
        Assert.Contains($"event {middle} ", altered.Summary, StringComparison.Ordinal);
        Assert.Contains("altered", altered.Summary, StringComparison.Ordinal);

        await database.ScalarAsync<int>("with changed as (update audit_events set reason = $1 where position = 2 returning 1) select count(*)::int from changed", reason);
        Assert.Equal(DoctorStatus.Pass, (await AuditCheckAsync(app)).Status);

        await database.ScalarAsync<int>("with gone as (delete from audit_events where position = 3 returning 1) select count(*)::int from gone");
        var removed = await AuditCheckAsync(app);
        Assert.Equal(DoctorStatus.Fail, removed.Status);
        Assert.Contains("position 3", removed.Summary, StringComparison.Ordinal);
        Assert.Contains("missing", removed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_audit_writes_one_json_line_per_event_oldest_first_and_filters_by_user()
    {
        Assert.Equal(0, (await OperatorCli.RunAsync(Good(), "create-user", "--email", "ann@example.com", "--name", "Ann", "--password", "operator chosen passphrase")).ExitCode);
        Assert.Equal(0, (await OperatorCli.RunAsync(Good(), "mark-email-verified", "--email", "ann@example.com")).ExitCode);
        Assert.Equal(0, (await OperatorCli.RunAsync(Good(), "create-user", "--email", "bob@example.com", "--name", "Bob", "--password", "operator chosen passphrase")).ExitCode);
        var ann = await database.ScalarAsync<string>("select id from users where email = 'ann@example.com'");

        var all = await OperatorCli.RunAsync(Good(), "export-audit");
        var mine = await OperatorCli.RunAsync(Good(), "export-audit", "--user", ann);

        Assert.True(all.ExitCode == 0, all.ToString());
        var lines = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["sign-up", "email.verified", "sign-up"], lines.Select(l => (string)l["type"]!));
        Assert.All(lines, l => Assert.Equal("operator", (string?)l["actorId"]));
        Assert.DoesNotContain("passphrase", all.Output, StringComparison.Ordinal);
        Assert.Equal(2, mine.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(mine.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Equal(ann, (string?)JsonNode.Parse(l)!["userId"]));
    }

    private static async Task<DoctorResult> AuditCheckAsync(WebApplication app)
    {
        var context = new DoctorContext(app.Services, app.Configuration, TimeProvider.System);
        var report = await DoctorRunner.RunAsync(context, [new DatabaseCheck(), app.Services.GetServices<IDoctorCheck>().OfType<AuditTrailCheck>().Single()], CancellationToken.None);
        return report.Checks[1].Result;
    }

    private Dictionary<string, string?> Good() => OperatorCli.GoodEnvironment(database.ConnectionString);
}
