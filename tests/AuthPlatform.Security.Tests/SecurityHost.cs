using System.Net;
using AuthPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// The service in memory over the assembly's test database, set up for this suite. By default the
/// per-IP and per-account limits are raised far out of the way, because most items sign in more often
/// than 3 times in 10 s; the items that test the limiters (08, 09, 10) keep the real defaults.
/// Requests may carry <see cref="PeerHeader"/> to play a client with another socket address (the in-memory
/// server has none), set before any of the service's middleware runs, as a real connection would.
/// </summary>
public static class SecurityHost
{
    public const string PeerHeader = AuthApi.PeerHeader;
    public const string Origin = TestSettings.BaseUrl;

    public static AuthApiFactory Create(TestDatabase database, bool realLimits = false, bool fakeClock = false, Action<IServiceCollection>? services = null)
    {
        var factory = new AuthApiFactory(database.ConnectionString)
        {
            UseFakeClock = fakeClock,
            TestServices = s =>
            {
                s.AddSingleton<IStartupFilter, PeerAddressFilter>();
                services?.Invoke(s);
            },
        };
        if (realLimits)
        {
            foreach (var key in TestSettings.RaisedLimits.Keys)
            {
                factory.Settings.Remove(key);
            }
        }

        return factory;
    }

    public static void RaiseLimits(IDictionary<string, string?> settings)
    {
        foreach (var (key, value) in TestSettings.RaisedLimits)
        {
            settings[key] = value;
        }
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
