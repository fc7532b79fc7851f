namespace AuthPlatform.WebApi.Contracts;

// Request bodies as BetterAuth's client sends them. Every member is nullable so that a missing field
// reaches the validator and comes back as a field error, not as a binding failure. These are classes,
// not records: a record's ToString() would print the password.

public sealed class SignUpEmailRequest
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Password { get; init; }

    public string? Image { get; init; }

    public bool? RememberMe { get; init; }

    public string? CallbackURL { get; init; }

    /// <summary>The username plugin's: optional.</summary>
    public string? Username { get; init; }

    public string? DisplayUsername { get; init; }
}

public sealed class SignInEmailRequest
{
    public string? Email { get; init; }

    public string? Password { get; init; }

    public bool? RememberMe { get; init; }

    public string? CallbackURL { get; init; }
}

/// <summary>POST /sign-in/username (BetterAuth's username plugin).</summary>
public sealed class SignInUsernameRequest
{
    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool? RememberMe { get; init; }

    public string? CallbackURL { get; init; }
}

/// <summary>POST /is-username-available.</summary>
public sealed class IsUsernameAvailableRequest
{
    public string? Username { get; init; }
}
