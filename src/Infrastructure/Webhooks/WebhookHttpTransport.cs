using System.Text;
using AuthPlatform.Application.Common.Interfaces;

namespace AuthPlatform.Infrastructure.Webhooks;

/// <summary>POSTs a webhook message as JSON over the named client (10 s timeout, no redirects followed: a receiver answers itself).</summary>
public sealed class WebhookHttpTransport(IHttpClientFactory clients) : IWebhookTransport
{
    public const string HttpClientName = "webhooks";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<WebhookAnswer> PostAsync(string url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new WebhookAnswer((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAnswer(null, ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : ex.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAnswer(null, $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
