using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.UnitTests;

/// <summary>Auth:Admin is checked at start-up, every problem reported at once.</summary>
public sealed class AdminOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(AdminOptions options) =>
        new AdminOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid_and_admin_is_the_administrator_role()
    {
        var options = new AdminOptions();

        Assert.Empty(Problems(options));
        Assert.Equal(["admin"], options.Roles);
        Assert.Empty(options.UserIds);
    }

    [Fact]
    public void A_list_of_user_ids_is_split_on_commas()
    {
        Assert.Equal(["a1", "b2"], new AdminOptions { AdminUserIds = " a1, b2 ," }.UserIds);
    }

    [Fact]
    public void No_administrator_role_and_a_malformed_user_id_are_both_named()
    {
        var problems = Problems(new AdminOptions { AdminRoles = " , ", AdminUserIds = new string('x', 65) });

        Assert.Contains(problems, p => p.Contains("Auth:Admin:AdminRoles", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Auth:Admin:AdminUserIds", StringComparison.Ordinal));
    }

    [Fact]
    public void Custom_roles_may_only_hold_the_admin_statements_and_impersonation_lasts_a_positive_time()
    {
        var options = new AdminOptions { ImpersonationSessionDuration = TimeSpan.Zero };
        options.CustomRoles["support"] = new Dictionary<string, string> { ["user"] = "list, get" };
        options.CustomRoles["auditor"] = new Dictionary<string, string> { ["organization"] = "delete" };

        var problems = Problems(options);

        Assert.Contains(problems, p => p.Contains("Auth:Admin:CustomRoles:auditor", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("Auth:Admin:CustomRoles:support", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Auth:Admin:ImpersonationSessionDuration", StringComparison.Ordinal));
        Assert.Equal(["list", "get"], options.CustomRoleStatements["support"]["user"]);
        Assert.Equal(TimeSpan.FromHours(1), new AdminOptions().ImpersonationSessionDuration);
    }

    [Fact]
    public void The_banned_user_message_is_betterauths_by_default_and_must_be_neither_blank_nor_long()
    {
        Assert.Equal("You have been banned from this application. Please contact support if you believe this is an error.",
            new AdminOptions().BannedUserMessage);
        Assert.DoesNotContain(Problems(new AdminOptions { BannedUserMessage = "Suspended." }), p => p.Contains("BannedUserMessage", StringComparison.Ordinal));

        foreach (var message in new[] { "", "  ", new string('x', AdminOptions.MaxBannedUserMessageLength + 1) })
        {
            Assert.Contains(Problems(new AdminOptions { BannedUserMessage = message }), p => p.Contains("Auth:Admin:BannedUserMessage", StringComparison.Ordinal));
        }
    }
}
