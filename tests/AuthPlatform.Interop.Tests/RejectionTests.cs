using System.Net;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// Every forged or wrong token is a 401 in the .NET resource server (JwtBearer via discovery, settings
/// of docs/verifying-tokens.md) and a failure in jose, for the reason the case is about.
/// </summary>
public sealed class RejectionTests(RejectionFixture fixture, ITestOutputHelper output) : IClassFixture<RejectionFixture>
{
    public static TheoryData<string> CaseNames => new(RejectionFixture.ExpectedJoseCodes.Keys);

    [Fact]
    public async Task The_genuine_token_and_the_hand_built_control_are_accepted_by_both()
    {
        foreach (var token in new[] { fixture.ValidToken, fixture.ValidHandBuiltToken })
        {
            var (status, sub, _, challenge) = await fixture.Es256Server.CallAsync(token);
            Assert.True(status == HttpStatusCode.OK, $"{status}: {challenge}\n{fixture.Es256Server.Output}");
            Assert.Equal(fixture.ValidUserId, sub);
        }

        Assert.True(fixture.Jose["valid"].Ok, fixture.Jose["valid"].Message);
        Assert.True(fixture.Jose["valid, hand-built"].Ok, fixture.Jose["valid, hand-built"].Message);
        Assert.Equal(fixture.ValidUserId, fixture.Jose["valid"].Sub);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Rejected_by_the_dotnet_resource_server_and_by_jose(string name)
    {
        var token = fixture.Cases[name];
        var server = name == RejectionFixture.AlgOffTheList ? fixture.Es384OnlyServer : fixture.Es256Server;

        var (status, _, _, challenge) = await server.CallAsync(token);
        var jose = fixture.Jose[name];
        output.WriteLine($"{name}: .NET {(int)status} {challenge} | jose {jose.Code}: {jose.Message}");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(RejectionFixture.ExpectedDotNetChallenges[name], challenge, StringComparison.Ordinal);
        Assert.False(jose.Ok);
        Assert.Equal(RejectionFixture.ExpectedJoseCodes[name], jose.Code);
    }
}
