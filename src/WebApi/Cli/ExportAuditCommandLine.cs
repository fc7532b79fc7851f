using System.CommandLine;
using System.Text.Json;
using AuthPlatform.Application.Audit.ListAuditEvents;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>export-audit [--since 2026-12-01T00:00:00Z] [--user &lt;id&gt;]</c>: the audit trail as JSON lines on stdout, oldest
/// first, one event per line (for a SIEM, jq or an archive). Reads in pages, so any size streams.
/// </summary>
public static class ExportAuditCommandLine
{
    private const int PageSize = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only events at or after this time (ISO 8601)." };
        var user = new Option<string?>("--user") { Description = "Only events about this user id." };
        var command = new Command("export-audit", "Write the audit trail as JSON lines, oldest first.") { since, user };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            long after = 0;
            while (true)
            {
                var query = new ListAuditEventsQuery(parse.GetValue(user), Type: null, parse.GetValue(since), To: null, PageSize, Offset: null, After: after);
                var page = await OperatorHost.AskAsync(services, query, ct);
                if (!page.IsSuccess)
                {
                    return await OperatorHost.FailAsync(page.Error!);
                }

                foreach (var auditEvent in page.Value.Events)
                {
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(auditEvent, Json));
                    after = auditEvent.Id;
                }

                if (page.Value.Events.Count < PageSize)
                {
                    return 0;
                }
            }
        }, cancellationToken));
        return command;
    }
}
