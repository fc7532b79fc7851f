using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// Every operator command explains itself with --help, without touching configuration or the database. The real
/// binary: the usage line names the program being run, which in process would be the test runner.
/// </summary>
public sealed class CommandHelpTests
{
    [Theory]
    [InlineData("migrate", "--script")]
    [InlineData("create-user", "--password-stdin")]
    [InlineData("revoke-user-sessions", "--email")]
    [InlineData("register-oauth-client", "--redirect-uri")]
    [InlineData("reset-two-factor", "--operator")]
    [InlineData("import-better-auth", "--dry-run")]
    [InlineData("doctor", "--resource-server")]
    [InlineData("list-organizations", "--json")]
    [InlineData("add-member", "--organization")]
    [InlineData("transfer-ownership", "--former-owner-role")]
    public async Task Each_command_has_help(string command, string option)
    {
        var result = await OperatorCli.RunProcessAsync(new Dictionary<string, string?>(), command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"AuthPlatform.WebApi {command} [options]", result.Output, StringComparison.Ordinal);
        Assert.Contains(option, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_binary_lists_its_commands()
    {
        var result = await OperatorCli.RunProcessAsync(new Dictionary<string, string?>(), "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "migrate", "create-user", "revoke-user-sessions", "import-better-auth", "doctor" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_required_option_that_is_missing_is_named()
    {
        var result = await OperatorCli.RunProcessAsync(new Dictionary<string, string?>(), "import-better-auth");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--from", result.Errors, StringComparison.Ordinal);
    }
}
