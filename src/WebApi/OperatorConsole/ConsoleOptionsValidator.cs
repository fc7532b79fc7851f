using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.OperatorConsole;

/// <summary>The console's path and the API's base path must not overlap, or one would hide the other's routes.</summary>
public sealed class ConsoleOptionsValidator(IOptions<AuthOptions> auth) : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var basePath = new PathString(auth.Value.BasePath);
        var console = new PathString(ConsoleEndpoints.Path);
        return basePath.StartsWithSegments(console) || console.StartsWithSegments(basePath) || basePath == "/"
            ? ValidateOptionsResult.Fail($"Auth:Console:Enabled is true, but the console's path {ConsoleEndpoints.Path} and Auth:BasePath ({auth.Value.BasePath}) overlap; choose another Auth:BasePath or turn the console off.")
            : ValidateOptionsResult.Success;
    }
}
