using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.ApiKeys.AuthenticateApiKey;

/// <summary>
/// The authentication handler's question for a request carrying an API key on a route that accepts keys:
/// who is calling. One use of the key is counted, and the sign-in policy decides about its owner.
/// </summary>
public sealed record AuthenticateApiKeyCommand(string Key, ClientInfo Client) : ICommand<Result<CurrentSession>>
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Key = ***, Client = ").Append(Client);
        return true;
    }
}
