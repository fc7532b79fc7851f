using System.Net;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Infrastructure.Social;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Tests.Social;

/// <summary>
/// An identity provider's HTTP side in process: answers fixed JSON per method and absolute URL (so a
/// preset's real URLs, github.com or login.microsoftonline.com, can be served without a network) and
/// keeps every request it saw, with its body. Anything not set up answers 404.
/// </summary>
internal sealed class ProviderHttpStub : HttpMessageHandler, IHttpClientFactory
{
    private readonly Dictionary<(HttpMethod Method, string Url), Func<string>> _answers = [];

    public List<SeenRequest> Seen { get; } = [];

    public ProviderHttpStub Answer(HttpMethod method, string url, string json) => Answer(method, url, () => json);

    public ProviderHttpStub Answer(HttpMethod method, string url, Func<string> json)
    {
        _answers[(method, url)] = json;
        return this;
    }

    /// <summary>The service's identity providers over this stub, configured as <paramref name="providerId"/>.</summary>
    public IdentityProviders IdentityProviders(string providerId, SocialProviderOptions settings)
    {
        var options = new SocialOptions();
        options.Providers[providerId] = settings;
        return new IdentityProviders(Options.Create(options), this, TimeProvider.System, NullLogger<IdentityProviders>.Instance);
    }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Seen.Add(new SeenRequest(request.Method, request.RequestUri!.AbsoluteUri, request.Headers.ToString(), body));
        return _answers.TryGetValue((request.Method, request.RequestUri.AbsoluteUri), out var answer)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer(), Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    public sealed record SeenRequest(HttpMethod Method, string Url, string Headers, string? Body);
}

/// <summary>The callback's code exchange as the handler calls it, in one place for these tests.</summary>
internal static class Redeem
{
    public const string Code = "the-code";
    public const string Verifier = "the-code-verifier-0123456789-0123456789-0123456789";
    public const string RedirectUri = "https://auth.example.com/api/auth/callback/";

    public static Task<Result<ProviderIdentity>> CodeAsync(IIdentityProviders providers, string providerId, string nonce, string? responseIssuer = null) =>
        providers.RedeemCodeAsync(providerId, Code, responseIssuer, Verifier, nonce, RedirectUri + providerId, CancellationToken.None);
}
