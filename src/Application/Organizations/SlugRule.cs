using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>The message of a refused slug (the rule itself is <see cref="Organization.IsValidSlug"/>).</summary>
internal static class SlugRule
{
    public static readonly string Message =
        $"A slug is 1 to {Organization.MaxSlugLength} lower-case letters, digits and hyphens, starting and ending with a letter or digit.";
}
