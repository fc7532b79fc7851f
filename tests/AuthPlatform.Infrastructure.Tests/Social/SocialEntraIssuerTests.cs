using System.Security.Cryptography;
using AuthPlatform.Application.Common.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.Infrastructure.Tests.Social;

/// <summary>
/// Microsoft Entra's multi-tenant endpoints (common, organizations, consumers) publish the issuer
/// <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>: an ID token is accepted under the issuer of its
/// own tenant (its <c>tid</c>), and the account is keyed by that tenant's issuer. The authorization
/// response's <c>iss</c> (RFC 9207) must name one tenant, the ID token's.
/// </summary>
public sealed class SocialEntraIssuerTests : IDisposable
{
    private const string Discovery = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    private const string Keys = "https://login.microsoftonline.com/common/discovery/v2.0/keys";
    private const string TokenUrl = "https://login.microsoftonline.com/common/oauth2/v2.0/token";
    private const string Template = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private const string ClientId = "00000000-aaaa-bbbb-cccc-000000000001";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenant = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private const string Nonce = "the-nonce";

    private static readonly SocialProviderOptions Settings = new() { ClientId = ClientId, ClientSecret = "entra-secret" };

    private readonly RSA _key = RSA.Create(2048);

    [Fact]
    public async Task An_ID_token_is_accepted_under_its_own_tenants_issuer_and_keyed_by_it()
    {
        var stub = Entra(IdToken(issuerTenant: Tenant, tid: Tenant));

        var result = await Redeem.CodeAsync(stub.IdentityProviders("microsoft", Settings), "microsoft", Nonce);

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0", result.Value.Issuer);
        Assert.Equal(("entra-subject", "ada@contoso.example"), (result.Value.Subject, result.Value.Email));
        Assert.Contains(stub.Seen, r => r.Url == Keys);
    }

    [Fact]
    public async Task An_ID_token_whose_issuer_names_another_tenant_than_its_tid_is_refused()
    {
        var stub = Entra(IdToken(issuerTenant: OtherTenant, tid: Tenant));

        var result = await Redeem.CodeAsync(stub.IdentityProviders("microsoft", Settings), "microsoft", Nonce);

        Assert.False(result.IsSuccess);
        Assert.Equal("unable_to_get_user_info", result.Error!.Code);
    }

    [Fact]
    public async Task An_ID_token_naming_the_template_itself_as_issuer_is_refused()
    {
        var stub = Entra(IdToken(issuerTenant: "{tenantid}", tid: "{tenantid}"));

        var result = await Redeem.CodeAsync(stub.IdentityProviders("microsoft", Settings), "microsoft", Nonce);

        Assert.False(result.IsSuccess);
        Assert.Equal("unable_to_get_user_info", result.Error!.Code);
    }

    [Fact]
    public async Task An_authorization_response_naming_the_ID_tokens_tenant_is_accepted()
    {
        var stub = Entra(IdToken(issuerTenant: Tenant, tid: Tenant));

        var result = await Redeem.CodeAsync(stub.IdentityProviders("microsoft", Settings), "microsoft", Nonce, responseIssuer: $"https://login.microsoftonline.com/{Tenant}/v2.0");

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0", result.Value.Issuer);
    }

    [Fact]
    public async Task An_authorization_response_naming_another_tenant_than_the_ID_token_is_refused()
    {
        var stub = Entra(IdToken(issuerTenant: Tenant, tid: Tenant));

        var result = await Redeem.CodeAsync(stub.IdentityProviders("microsoft", Settings), "microsoft", Nonce, responseIssuer: $"https://login.microsoftonline.com/{OtherTenant}/v2.0");

        Assert.False(result.IsSuccess);
        Assert.Equal("unable_to_get_user_info", result.Error!.Code);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/common/v2.0")]
    [InlineData("https://login.microsoftonline.com/{tenantid}/v2.0")]
    [InlineData("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0/")]
    [InlineData("https://attacker.example/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0")]
    public async Task An_authorization_response_not_naming_one_tenant_is_issuer_mismatch_and_its_code_stays_here(string responseIssuer)
    {
        var stub = Entra(IdToken(issuerTenant: Tenant, tid: Tenant));

        var result = await Redeem.CodeAsync(stub.IdentityProviders("microsoft", Settings), "microsoft", Nonce, responseIssuer);

        Assert.False(result.IsSuccess);
        Assert.Equal("issuer_mismatch", result.Error!.Code);
        Assert.DoesNotContain(stub.Seen, r => r.Url == TokenUrl);
    }

    public void Dispose() => _key.Dispose();

    private ProviderHttpStub Entra(string idToken)
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new ProviderHttpStub()
            .Answer(HttpMethod.Get, Discovery, $$"""
                {"issuer":"{{Template}}","authorization_endpoint":"https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                 "token_endpoint":"{{TokenUrl}}","jwks_uri":"{{Keys}}","userinfo_endpoint":"https://graph.microsoft.com/oidc/userinfo",
                 "response_types_supported":["code"],"subject_types_supported":["pairwise"],"id_token_signing_alg_values_supported":["RS256"]}
                """)
            .Answer(HttpMethod.Get, Keys, $$"""
                {"keys":[{"kty":"RSA","use":"sig","kid":"entra-key","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}
                """)
            .Answer(HttpMethod.Post, TokenUrl, $$"""
                {"access_token":"entra-access","token_type":"Bearer","expires_in":3600,"scope":"openid email profile","id_token":"{{idToken}}"}
                """);
    }

    private string IdToken(string issuerTenant, string tid) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Template.Replace("{tenantid}", issuerTenant, StringComparison.Ordinal),
        Audience = ClientId,
        Expires = DateTime.UtcNow.AddMinutes(30),
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Claims = new Dictionary<string, object>
        {
            ["sub"] = "entra-subject",
            ["tid"] = tid,
            ["nonce"] = Nonce,
            ["email"] = "ada@contoso.example",
            ["name"] = "Ada",
        },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "entra-key" }, SecurityAlgorithms.RsaSha256),
    });
}
