using System.CommandLine;
using AuthPlatform.Application.Operators.CreateUser;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>create-user --email ann@example.com --name Ann --password-stdin</c>: an account created through the
/// sign-up rules (password policy, Argon2id), without a session.
/// </summary>
public static class CreateUserCommandLine
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Email address of the new user.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name of the new user.", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = "The password. Visible in process lists and shell history: prefer --password-stdin.",
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var command = new Command("create-user", "Create a user with email and password (the sign-up rules apply; no session is started).")
        {
            email, name, password, passwordStdin,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(password) is not null) == result.GetValue(passwordStdin))
            {
                result.AddError("Give exactly one of --password-stdin (recommended) or --password.");
            }
        });

        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var secret = parse.GetValue(passwordStdin) ? ReadPasswordLine() : parse.GetValue(password);
            var result = await OperatorHost.SendAsync(services, new CreateUserCommand(parse.GetValue(name), parse.GetValue(email), secret), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            await Console.Out.WriteLineAsync($"Created user {result.Value.Id} ({result.Value.Email}).");
            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>The first line of stdin, without its line break; spaces are part of the password.</summary>
    private static string? ReadPasswordLine() => Console.In.ReadLine()?.TrimEnd('\r', '\n');
}
