using System.CommandLine;
using AuthPlatform.Application.Operators.RunDoctor;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>doctor [--json] [--offline] [--resource-server ISSUER,AUDIENCE,JWKS_URL]</c>: checks a deployment's configuration
/// and surroundings, one line per check. Unlike the other commands it also runs on a configuration the
/// service would refuse, to say what is wrong with it. Exit 0 when nothing failed, 1 otherwise.
/// </summary>
public static class DoctorCommandLine
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var offline = new Option<bool>("--offline")
        {
            Description = "Do not fetch the public URL (issuer and JWKS checks), e.g. before the first instance serves it.",
        };
        var resourceServer = new Option<string?>("--resource-server")
        {
            Description = $"Compare a downstream service's token settings with ours: {ResourceServerSettings.Format}.",
            HelpName = ResourceServerSettings.Format,
        };
        resourceServer.Validators.Add(result =>
        {
            if (!ResourceServerSettings.TryParse(result.GetValueOrDefault<string?>(), out _, out var problem))
            {
                result.AddError(problem);
            }
        });

        var command = new Command("doctor", "Check the configuration, database, signing keys, published JWKS, clock and cookies of this deployment; exit 1 if any check fails.")
        {
            json, offline, resourceServer,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Already validated by the option's validator: a value here parses.
            var downstream = parse.GetValue(resourceServer) is { } text && ResourceServerSettings.TryParse(text, out var parsed, out _) ? parsed : null;

            await using var app = OperatorHost.Build();
            var report = await OperatorHost.AskAsync(app.Services, new RunDoctorQuery(parse.GetValue(offline), downstream), cancellationToken);
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? DoctorReportWriter.JsonText(report) : DoctorReportWriter.Text(report));
            return report.Healthy ? 0 : OperatorHost.FailedExitCode;
        });
        return command;
    }
}
