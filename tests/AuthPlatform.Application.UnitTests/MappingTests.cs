using AuthPlatform.Application.Common.Models;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Mapster;
using MapsterMapper;

namespace AuthPlatform.Application.UnitTests;

public sealed class MappingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static IMapper CreateMapper()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(MappingRegister).Assembly);
        config.Compile(); // throws on an incomplete mapping
        return new Mapper(config);
    }

    [Fact]
    public void Users_map_to_the_client_shape()
    {
        var user = User.Register("Ann", EmailAddress.Parse("ann@example.com"), "https://img.example.com/a.png", Now);

        var dto = CreateMapper().Map<UserDto>(user);

        Assert.Equal(new UserDto(user.Id, "Ann", "ann@example.com", false, "https://img.example.com/a.png", Now, Now), dto);
    }

    [Fact]
    public void Sessions_map_without_any_token_material()
    {
        var session = Session.Start("user-1", SessionToken.Generate(), SessionLifetime.Default, true, "203.0.113.7", "agent", Now);

        var dto = CreateMapper().Map<SessionDto>(session);

        Assert.Equal(new SessionDto(session.Id, "user-1", session.ExpiresAt, Now, Now, "203.0.113.7", "agent"), dto);
        Assert.DoesNotContain(typeof(SessionDto).GetProperties(), p => p.Name.Contains("Token", StringComparison.Ordinal));
    }
}
