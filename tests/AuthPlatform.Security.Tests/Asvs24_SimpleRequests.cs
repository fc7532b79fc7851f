using System.Net;
using System.Net.Http.Headers;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 3.5.2: "simple" cross-site requests (a form post, text/plain) cannot reach a JSON endpoint: every
/// body that is not application/json is 415 before anything reads it, so a cross-site write must preflight.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs24_SimpleRequests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string, string> RoutesAndTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "sign-up/email", "sign-in/email", "sign-out", "update-user", "change-password", "revoke-session", "revoke-sessions", "revoke-other-sessions" })
        {
            foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" })
            {
                data.Add(route, type);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesAndTypes))]
    public async Task Bodies_a_form_can_send_are_refused(string route, string contentType)
    {
        await using var factory = SecurityHost.Create(database);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var content = new StringContent("""{"name":"Eve","email":"eve@example.com","password":"correct horse battery staple"}""");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await client.SendAsync(AuthApi.WithBearer(HttpMethod.Post, route, session.Token, content));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users"));
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from sessions where revoked_at is null"));
    }
}
