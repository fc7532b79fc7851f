using System.Text.RegularExpressions;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Organizations;

/// <summary>
/// A tenant: users belong to it as <see cref="Member"/>s with roles (BetterAuth's organization plugin).
/// The slug is unique and URL-safe; metadata is stored as the JSON text the client sent.
/// </summary>
public sealed partial class Organization
{
    public const int MaxNameLength = 128;
    public const int MaxSlugLength = 64;
    public const int MaxLogoLength = 2048;
    public const int MaxMetadataLength = 8192;

    private Organization()
    {
        Id = string.Empty;
        Name = string.Empty;
        Slug = string.Empty;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string? Logo { get; private set; }

    /// <summary>JSON text of an object, or null.</summary>
    public string? Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Lower-case letters, digits and inner hyphens, at most <see cref="MaxSlugLength"/> characters.</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(slug);

    public static Organization Create(string name, string slug, string? logo, string? metadata, DateTimeOffset now)
    {
        RequireSlug(slug);
        return new Organization
        {
            Id = RandomId.New(),
            Name = RequireName(name),
            Slug = slug,
            Logo = logo,
            Metadata = metadata,
            CreatedAt = now,
        };
    }

    /// <summary>Changes the fields given (null leaves a field as it is).</summary>
    public void Update(string? name, string? slug, string? logo, string? metadata)
    {
        if (name is not null)
        {
            Name = RequireName(name);
        }

        if (slug is not null)
        {
            RequireSlug(slug);
            Slug = slug;
        }

        if (logo is not null)
        {
            Logo = logo;
        }

        if (metadata is not null)
        {
            Metadata = metadata;
        }
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength
            ? throw new DomainRuleException($"An organization's name has 1 to {MaxNameLength} characters.")
            : name;

    private static void RequireSlug(string slug)
    {
        if (!IsValidSlug(slug))
        {
            throw new DomainRuleException("An organization's slug is lower-case letters, digits and inner hyphens.");
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
