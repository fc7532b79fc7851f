using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Testing;

/// <summary>GET /token, the JWKS, and an ES256 check of a token against a JWKS (kid lookup + signature).</summary>
public static class TokenApi
{
    public static async Task<HttpResponseMessage> GetTokenResponseAsync(this HttpClient client, string sessionToken) =>
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/token") { Headers = { { "Authorization", "Bearer " + sessionToken } } });

    public static async Task<string> GetTokenAsync(this HttpClient client, string sessionToken)
    {
        var response = await client.GetTokenResponseAsync(sessionToken);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/token answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["token"]!.GetValue<string>();
    }

    public static async Task<JsonArray> GetJwksKeysAsync(this HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/api/auth/jwks"))!["keys"]!.AsArray();

    public static JsonObject Header(string jwt) => JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[0]))!.AsObject();

    public static JsonObject Payload(string jwt) => JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();

    public static string KeyIdOf(string jwt) => Header(jwt)["kid"]!.GetValue<string>();

    public static IReadOnlyList<string> KeyIds(JsonArray keys) => keys.Select(k => k!["kid"]!.GetValue<string>()).Order().ToList();

    /// <summary>True when the JWKS holds the token's kid and that ES256 key verifies its signature.</summary>
    public static bool VerifiesWith(string jwt, JsonArray keys)
    {
        var kid = KeyIdOf(jwt);
        var jwk = keys.FirstOrDefault(k => k!["kid"]!.GetValue<string>() == kid);
        if (jwk is null)
        {
            return false;
        }

        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk["x"]!.GetValue<string>()), Y = Base64Url.DecodeFromChars(jwk["y"]!.GetValue<string>()) },
        });
        var parts = jwt.Split('.');
        return ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>Sends a message through the factory's real Mediator pipeline, as a background service would.</summary>
    public static async Task<T> SendAsync<T>(this AuthApiFactory factory, ICommand<T> command)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }
}
