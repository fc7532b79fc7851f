namespace AuthPlatform.Application.Common.Results;

/// <summary>API keys, with the codes and messages of BetterAuth's api-key plugin.</summary>
public static partial class Errors
{
    public static class ApiKeys
    {
        public static readonly Error UnauthorizedSession = new(ErrorKind.Unauthorized, "UNAUTHORIZED_SESSION", "Unauthorized or invalid session");

        /// <summary>A field only the server may set (uses left, refill, rate limit, permissions, owner) came over HTTP.</summary>
        public static readonly Error ServerOnlyProperty = new(ErrorKind.Validation, "SERVER_ONLY_PROPERTY",
            "The property you're trying to set can only be set from the server auth instance only.");

        /// <summary>Missing, or another user's: the two are one answer, so ids of other users' keys are not confirmed.</summary>
        public static readonly Error KeyNotFound = new(ErrorKind.NotFound, "KEY_NOT_FOUND", "API Key not found");

        public static readonly Error InvalidApiKey = new(ErrorKind.Unauthorized, "INVALID_API_KEY", "Invalid API key.");

        public static readonly Error KeyDisabled = new(ErrorKind.Unauthorized, "KEY_DISABLED", "API Key is disabled");

        public static readonly Error KeyExpired = new(ErrorKind.Unauthorized, "KEY_EXPIRED", "API Key has expired");

        public static readonly Error UsageExceeded = new(ErrorKind.TooManyRequests, "USAGE_EXCEEDED", "API Key has reached its usage limit");

        public static readonly Error RateLimited = new(ErrorKind.TooManyRequests, "RATE_LIMITED", "Rate limit exceeded.");

        public static readonly Error MetadataDisabled = new(ErrorKind.Validation, "METADATA_DISABLED", "Metadata is disabled.");

        public static readonly Error InvalidMetadataType = new(ErrorKind.Validation, "INVALID_METADATA_TYPE", "metadata must be an object or undefined");

        public static readonly Error KeyDisabledExpiration = new(ErrorKind.Validation, "KEY_DISABLED_EXPIRATION", "Custom key expiration values are disabled.");

        public static readonly Error ExpiresInIsTooSmall = new(ErrorKind.Validation, "EXPIRES_IN_IS_TOO_SMALL", "The expiresIn is smaller than the predefined minimum value.");

        public static readonly Error ExpiresInIsTooLarge = new(ErrorKind.Validation, "EXPIRES_IN_IS_TOO_LARGE", "The expiresIn is larger than the predefined maximum value.");

        public static readonly Error InvalidPrefixLength = new(ErrorKind.Validation, "INVALID_PREFIX_LENGTH", "The prefix length is either too large or too small.");

        public static readonly Error InvalidNameLength = new(ErrorKind.Validation, "INVALID_NAME_LENGTH", "The name length is either too large or too small.");

        public static readonly Error NameRequired = new(ErrorKind.Validation, "NAME_REQUIRED", "API Key name is required.");

        public static readonly Error NoValuesToUpdate = new(ErrorKind.Validation, "NO_VALUES_TO_UPDATE", "No values to update.");
    }
}
