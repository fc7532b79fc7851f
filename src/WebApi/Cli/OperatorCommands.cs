using System.CommandLine;
using AuthPlatform.Application.Operators.MigrateDatabase;
using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Hosting;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// Commands of the service binary for operators: `AuthPlatform.WebApi migrate [--script]`, ...
/// Each builds the same service container as the HTTP host (same configuration, same validation)
/// but does not listen. Without a command name the binary serves HTTP.
/// Add a command: write it in a file of its own (e.g. CreateUserCommandLine.cs) and list it in <see cref="Build"/>.
/// </summary>
public static partial class OperatorCommands
{
    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "-?" || Build().Subcommands.Any(c => c.Name == args[0] || c.Aliases.Contains(args[0])));

    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();

    private static RootCommand Build()
    {
        var root = new RootCommand("AuthPlatform authentication service. Without a command it serves HTTP.");
        root.Subcommands.Add(CreateMigrateCommand());
        root.Subcommands.Add(SigningKeyCommands.CreateRotateKeysCommand());
        root.Subcommands.Add(CreateDisableUserCommand());
        root.Subcommands.Add(CreateDeleteUserCommand());
        root.Subcommands.Add(CreateUserCommandLine.Create());
        root.Subcommands.Add(RevokeUserSessionsCommandLine.Create());
        root.Subcommands.Add(SetRoleCommandLine.Create());
        root.Subcommands.Add(RegisterOAuthClientCommandLine.Create());
        root.Subcommands.Add(ResetTwoFactorCommandLine.Create());
        root.Subcommands.Add(ImportBetterAuthCommandLine.Create());
        root.Subcommands.Add(DoctorCommandLine.Create());
        root.Subcommands.Add(ExportAuditCommandLine.Create());
        root.Subcommands.Add(WebhookCommandLines.CreateAdd());
        root.Subcommands.Add(WebhookCommandLines.CreateList());
        root.Subcommands.Add(WebhookCommandLines.CreateRemove());
        root.Subcommands.Add(MailCommandLines.CreateMarkEmailVerified());
        root.Subcommands.Add(MailCommandLines.CreateSendPasswordReset());
        root.Subcommands.Add(OrganizationCommandLines.CreateList());
        root.Subcommands.Add(OrganizationCommandLines.CreateAddMember());
        root.Subcommands.Add(OrganizationCommandLines.CreateTransferOwnership());
        return root;
    }

    private static Command CreateMigrateCommand()
    {
        var script = new Option<bool>("--script") { Description = "Print the SQL of all migrations (idempotent) instead of applying them." };
        var command = new Command("migrate", "Apply pending database migrations.") { script };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = OperatorHost.Build();
            if (await StartupChecks.ValidateConfigurationAsync(app) is var exit and not 0)
            {
                return exit;
            }

            var result = await OperatorHost.SendAsync(app.Services, new MigrateDatabaseCommand(parse.GetValue(script)), cancellationToken);
            if (result.Value.Script is { } sql)
            {
                Console.Out.WriteLine(sql);
                return 0;
            }

            var applied = result.Value.Applied;
            Console.Out.WriteLine(applied.Count == 0
                ? "The database schema is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
