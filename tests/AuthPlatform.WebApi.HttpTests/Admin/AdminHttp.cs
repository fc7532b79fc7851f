using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Admin;

/// <summary>The steps the administration tests share: make a signed-up user an administrator, call an admin route.</summary>
internal static class AdminHttp
{
    public static async Task MakeAdminAsync(this TestDatabase database, string userId) =>
        Assert.Equal(1, await database.ScalarAsync<int>("with changed as (update users set role = 'admin' where id = $1 returning 1) select count(*)::int from changed", userId));

    public static Task<HttpResponseMessage> AdminPostAsync(this HttpClient client, string route, string cookie, object body) =>
        client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "admin/" + route, cookie, body));

    public static Task<HttpResponseMessage> ListUsersAsync(this HttpClient client, string cookie, string query = "") =>
        client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/list-users" + query, cookie, origin: null));

    public static async Task AssertSignedOutAsync(this HttpClient client, string cookie)
    {
        var session = await client.GetSessionAsync(cookie);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Equal("null", await session.Content.ReadAsStringAsync());
    }
}
