using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// The Pwned Passwords range query (GET {RangeUrl}{first five hex of SHA-1}, with Add-Padding: true so the
/// answer's size says nothing about the prefix): the rest of the hash is compared here, never sent. The answer
/// is "SUFFIX:COUNT" lines; padding lines have count 0 and match nothing real. A failure is logged (with the
/// status or exception type only, never the password or its hash), counted, and reported as Unavailable.
/// </summary>
public sealed partial class PwnedPasswordsRange(
    IHttpClientFactory httpClients,
    IOptionsMonitor<BreachedPasswordOptions> options,
    ILogger<PwnedPasswordsRange> logger) : IBreachedPasswordRange
{
    public const string HttpClientName = "breached-passwords";

    private const int PrefixLength = 5;

    public async Task<BreachLookup> LookUpAsync(string password, CancellationToken cancellationToken)
    {
#pragma warning disable CA5350 // SHA-1 is the range protocol's index, not a protection of the password
        var hash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350
        var prefix = hash[..PrefixLength];
        var suffix = hash.AsMemory(PrefixLength);
        var settings = options.CurrentValue;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.RangeUrl + prefix));
            request.Headers.Add("Add-Padding", "true");
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Unavailable(null, (int)response.StatusCode);
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var found = Count(body, suffix.Span) > 0;
            AuthMetrics.BreachedPasswordCheck(found ? "found" : "not_found");
            return found ? BreachLookup.Found : BreachLookup.NotFound;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or FormatException && !cancellationToken.IsCancellationRequested)
        {
            return Unavailable(exception.GetType().Name, null);
        }
    }

    /// <summary>The count on the line of <paramref name="suffix"/> (0 when absent or padding).</summary>
    internal static long Count(string body, ReadOnlySpan<char> suffix)
    {
        foreach (var line in body.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon != suffix.Length || !line[..colon].Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return long.TryParse(line[(colon + 1)..].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                ? count
                : throw new FormatException("A range line's count is not a number.");
        }

        return 0;
    }

    private BreachLookup Unavailable(string? exceptionType, int? status)
    {
        AuthMetrics.BreachedPasswordCheck("unavailable");
        LogUnavailable(logger, status, exceptionType);
        return BreachLookup.Unavailable;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning,
        Message = "The breached-password range could not be read (status {Status}, {ExceptionType}); the password was judged without it.")]
    private static partial void LogUnavailable(ILogger logger, int? status, string? exceptionType);
}
