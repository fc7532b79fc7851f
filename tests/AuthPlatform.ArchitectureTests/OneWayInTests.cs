using ArchUnitNET.Fluent;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// One way in (ADR 0108): a session starts in one place, by the sign-in policy, and the browser learns of it
/// in one place. Every later way of signing in extends these two places instead of copying them.
/// </summary>
public sealed class OneWayInTests
{
    private const string Pipeline = "AuthPlatform.Application.SignInPipeline";

    [Fact]
    public void Only_the_sign_in_pipeline_starts_a_session() =>
        Types().That().DoNotResideInNamespace(Pipeline)
            .Should().NotCallAny(MethodMembers().That().AreDeclaredIn(typeof(Domain.Sessions.Session)).And().HaveNameStartingWith("Start("))
            .Because("every way in asks SessionIssuer, which applies the sign-in policy (second factor, verified address, disabled users) once for all")
            .Check(Layers.Architecture);

    [Fact]
    public void The_sign_in_policy_has_one_row_per_way_in()
    {
        var methods = Enum.GetValues<Application.SignInPipeline.SignInMethod>();
        var rows = Application.SignInPipeline.SignInPolicy.All;
        Assert.Equal(methods.Length, rows.Count);
        Assert.All(methods, m => Assert.Single(rows, r => r.Method == m));
    }

    [Fact]
    public void Only_a_passkey_skips_the_second_factor_of_a_new_sign_in()
    {
        var skipping = Application.SignInPipeline.SignInPolicy.All
            .Where(r => r.SecondFactor == Application.SignInPipeline.SecondFactorRule.SatisfiedByMethod)
            .Select(r => r.Method);
        Assert.Equal([Application.SignInPipeline.SignInMethod.Passkey], skipping);
    }

    [Fact]
    public void No_controller_writes_a_cookie() =>
        Types().That().ResideInNamespaceOrBelow("AuthPlatform.WebApi.Controllers")
            .Should().NotDependOnAny(Types(true).That()
                .HaveFullName("AuthPlatform.WebApi.Cookies.SessionCookies")
                .Or().HaveFullName("AuthPlatform.WebApi.Cookies.SessionDataCookie")
                .Or().HaveFullName("AuthPlatform.WebApi.Cookies.FlowCookies")
                .Or().HaveFullName("AuthPlatform.WebApi.Cookies.AdminSessionCookie")
                .Or().HaveFullName("AuthPlatform.WebApi.Cookies.SignInCookieWriter")
                .Or().HaveFullName("Microsoft.AspNetCore.Http.IResponseCookies"))
            .Because("a controller returns a CookieResult; the cookies of a sign-in are written in one place (SignInCookieWriter)")
            .Check(Layers.Architecture);
}
