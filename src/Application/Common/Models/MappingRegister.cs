using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Mapster;

namespace AuthPlatform.Application.Common.Models;

/// <summary>Mapster maps from domain objects to the shapes clients see. Found by assembly scan.</summary>
public sealed class MappingRegister : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<User, UserDto>()
            .MapToConstructor(true);

        config.NewConfig<Session, SessionDto>()
            .MapToConstructor(true);
    }
}
