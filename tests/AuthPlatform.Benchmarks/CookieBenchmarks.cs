using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.WebApi.Cookies;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Benchmarks;

/// <summary>
/// The per-request work before any I/O: the session token's digest (the lookup key), the session cookie's
/// signature check, and the cookie cache's encode (on each store answer) and decode (on each cached answer).
/// </summary>
public class CookieBenchmarks
{
    private const string Secret = "benchmark-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    private readonly SessionToken _token = SessionToken.Generate();
    private readonly SessionTokenSigner _signer = new(Options.Create(new AuthOptions { Secret = Secret }));
    private readonly SessionDataCodec _codec = new([Secret], "1");
    private readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private CurrentSession _session = null!;
    private byte[] _digest = [];
    private string _signedCookie = string.Empty;
    private string _cacheCookie = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _digest = _token.ComputeDigest();
        _signedCookie = _signer.Sign(_token);
        _session = new CurrentSession(
            new SessionDto("0m4yhaRyNH3SDATNYz5OA5AuBN2WSwp9", "tRaNK8VCaBXrio6sdHrGtyHWep7HUTQM", _now.AddDays(7), _now, _now, "203.0.113.7",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
            new UserDto("tRaNK8VCaBXrio6sdHrGtyHWep7HUTQM", "Ann Example", "ann@example.com", true, null, _now, _now),
            RememberMe: true);
        _cacheCookie = _codec.Encode(_session, _digest, _now.AddMinutes(5))!;
        if (_codec.TryDecode(_cacheCookie, _digest, _now, out _) != SessionDataCodec.Outcome.Valid
            || _signer.TryRead(_signedCookie, signatureRequired: true, out _) != SessionTokenSigner.Outcome.Valid)
        {
            throw new InvalidOperationException("the benchmark cookies do not verify");
        }
    }

    [Benchmark]
    public byte[] Session_token_digest() => _token.ComputeDigest();

    [Benchmark]
    public SessionTokenSigner.Outcome Session_cookie_signature_verify() => _signer.TryRead(_signedCookie, signatureRequired: true, out _);

    [Benchmark]
    public string? Cookie_cache_encode() => _codec.Encode(_session, _digest, _now.AddMinutes(5));

    [Benchmark]
    public SessionDataCodec.Outcome Cookie_cache_decode() => _codec.TryDecode(_cacheCookie, _digest, _now, out _);
}
