using AuthPlatform.Infrastructure.Persistence;
using Npgsql;

namespace AuthPlatform.Infrastructure.Tests;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void A_neon_style_uri_is_understood()
    {
        const string url = "postgresql://app_user:p%40ss%2Fw0rd@ep-cool-rain-123456.eu-central-1.aws.neon.tech:5432/neondb?sslmode=require&channel_binding=require";

        Assert.True(DatabaseUrl.TryParse(url, out var builder, out var problem), problem);
        Assert.Equal("ep-cool-rain-123456.eu-central-1.aws.neon.tech", builder.Host);
        Assert.Equal(5432, builder.Port);
        Assert.Equal("neondb", builder.Database);
        Assert.Equal("app_user", builder.Username);
        Assert.Equal("p@ss/w0rd", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(ChannelBinding.Require, builder.ChannelBinding);
    }

    [Fact]
    public void A_vercel_pooled_uri_with_provider_extras_is_understood()
    {
        Assert.True(DatabaseUrl.TryParse("postgres://u:p@pooler.example.com:6543/db?sslmode=verify-full&pgbouncer=true&connect_timeout=15", out var builder, out var problem), problem);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal(15, builder.Timeout);
    }

    [Fact]
    public void An_npgsql_keyword_string_is_understood()
    {
        Assert.True(DatabaseUrl.TryParse("Host=db.internal;Port=5433;Database=auth;Username=svc;Password=pw", out var builder, out _));
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(5433, builder.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mysql://user:pw@host/db")]
    [InlineData("postgres://user:pw@host/db?frobnicate=1")]
    [InlineData("Hots=typo;Database=x")]
    [InlineData("postgres:///db")]
    public void Unusable_values_are_problems(string url) =>
        Assert.False(DatabaseUrl.TryParse(url, out _, out var problem) || problem.Length == 0);

    [Fact]
    public void Problems_never_repeat_the_password()
    {
        Assert.False(DatabaseUrl.TryParse("postgres://user:SuperSecretPw@host/db?frobnicate=1", out _, out var uriProblem));
        Assert.False(DatabaseUrl.TryParse("Host=h;Password=SuperSecretPw;Bogus=1", out _, out var keywordProblem));

        Assert.DoesNotContain("SuperSecretPw", uriProblem, StringComparison.Ordinal);
        Assert.DoesNotContain("SuperSecretPw", keywordProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_settings_fill_in_what_the_url_leaves_out()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseConnectionString.Build(new DatabaseOptions
        {
            Url = "postgres://u:p@h:5432/db?connect_timeout=9",
            MaxPoolSize = 7,
            ConnectionTimeoutSeconds = 3,
            CommandTimeoutSeconds = 4,
        }));

        Assert.Equal(7, built.MaxPoolSize);
        Assert.Equal(9, built.Timeout); // the URL wins
        Assert.Equal(4, built.CommandTimeout);
    }

    [Fact]
    public void Pooler_mode_turns_off_statement_preparation_and_session_reset()
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseConnectionString.Build(new DatabaseOptions { Url = "postgres://u:p@h/db", Pooler = true }));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.True(built.NoResetOnClose);
    }

    [Fact]
    public void A_direct_connection_prepares_hot_statements_and_skips_the_reset_unless_the_url_says_otherwise()
    {
        var direct = new NpgsqlConnectionStringBuilder(DatabaseConnectionString.Build(new DatabaseOptions { Url = "postgres://u:p@h/db" }));
        Assert.Equal(20, direct.MaxAutoPrepare);
        Assert.True(direct.NoResetOnClose);

        var explicitUrl = new NpgsqlConnectionStringBuilder(DatabaseConnectionString.Build(new DatabaseOptions { Url = "Host=h;Database=db;Max Auto Prepare=0;No Reset On Close=false" }));
        Assert.Equal(0, explicitUrl.MaxAutoPrepare);
        Assert.False(explicitUrl.NoResetOnClose);
    }

    [Fact]
    public void Descriptions_for_logs_hold_no_credentials()
    {
        var description = DatabaseConnectionString.Describe("Host=h;Port=5432;Database=db;Username=admin;Password=SuperSecretPw");

        Assert.Equal("h:5432/db", description);
    }
}
