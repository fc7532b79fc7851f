using System.Net;
using AuthPlatform.WebApi.Security;

namespace AuthPlatform.Security.Tests;

/// <summary>The HTTP layer's security settings: proxy lists, rate limits, and client-address keys.</summary>
[Trait("Tier", "fast")]
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.0.0.0/8, 192.168.1.0/24", true)]
    [InlineData("::1, fd00::/8", true)]
    [InlineData("proxy.internal", false)]
    [InlineData("10.0.0.0/99", false)]
    public void Trusted_proxies_must_be_addresses_or_networks(string value, bool valid) =>
        Assert.Equal(valid, new TrustedProxyOptionsValidator().Validate(null, new TrustedProxyOptions { TrustedProxies = value }).Succeeded);

    [Fact]
    public void A_single_address_is_a_one_address_network()
    {
        Assert.True(TrustedProxyOptions.TryParse("10.0.0.5", out var network));
        Assert.True(network.Contains(IPAddress.Parse("10.0.0.5")));
        Assert.False(network.Contains(IPAddress.Parse("10.0.0.6")));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(100, 0)]
    public void Rate_limits_cannot_be_switched_off(int permitLimit, int credentialPermitLimit) =>
        Assert.False(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions { PermitLimit = permitLimit, CredentialPermitLimit = credentialPermitLimit }).Succeeded);

    [Fact]
    public void The_default_rate_limits_are_betterauths_production_numbers()
    {
        var limits = new RateLimitOptions();

        Assert.Equal((3, TimeSpan.FromSeconds(10)), (limits.CredentialPermitLimit, limits.CredentialWindow));
        Assert.Equal((100, TimeSpan.FromSeconds(10)), (limits.PermitLimit, limits.Window));
        Assert.True(new RateLimitOptionsValidator().Validate(null, limits).Succeeded);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:1111:2222:3333:4444", "2001:db8:1:2::/64")]
    public void Client_addresses_are_keyed_ipv4_exactly_and_ipv6_by_64(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_shares_one_bucket() => Assert.Equal(ClientAddress.Unknown, ClientAddress.KeyOf(null));
}
