namespace AuthPlatform.Domain.Organizations;

/// <summary>
/// The one rule that an organization never loses its last owner (the holder of the creator role,
/// BetterAuth's <c>creatorRole</c>): every removal, departure and role change of a member is decided here,
/// against the organization's current members, read under the organization's row lock by the caller.
/// </summary>
public static class OrganizationOwners
{
    /// <summary>Why a change is refused, or <see cref="OwnerChange.Allowed"/>.</summary>
    public static OwnerChange CanRemove(IReadOnlyCollection<Member> members, Member target, Member actor, string ownerRole)
    {
        if (!target.Holds(ownerRole))
        {
            return OwnerChange.Allowed;
        }

        // BetterAuth: only an owner removes an owner, and never the last one.
        if (!actor.Holds(ownerRole) || members.Count(m => m.Holds(ownerRole)) < 2)
        {
            return OwnerChange.WouldLoseLastOwner;
        }

        return OwnerChange.Allowed;
    }

    /// <summary>A member leaving of their own accord: the last owner cannot.</summary>
    public static OwnerChange CanLeave(IReadOnlyCollection<Member> members, Member leaving, string ownerRole) =>
        leaving.Holds(ownerRole) && members.Count(m => m.Holds(ownerRole)) < 2
            ? OwnerChange.WouldLoseLastOwner
            : OwnerChange.Allowed;

    /// <summary>Gives <paramref name="target"/> the new roles unless that leaves the organization without an owner.</summary>
    public static OwnerChange ChangeRoles(IReadOnlyCollection<Member> members, Member target, IReadOnlyList<string> roles, string ownerRole)
    {
        var losesOwner = target.Holds(ownerRole) && !roles.Contains(ownerRole, StringComparer.Ordinal);
        if (losesOwner && members.Count(m => m.Holds(ownerRole)) < 2)
        {
            return OwnerChange.WouldLoseLastOwner;
        }

        target.ChangeRoles(roles);
        return OwnerChange.Allowed;
    }

    /// <summary>
    /// Makes <paramref name="newOwner"/> an owner (keeping its other roles) and every other owner a holder of
    /// <paramref name="formerOwnerRole"/> in place of the owner role. The new owner is made first, so no step
    /// leaves the organization without an owner. Returns the members whose roles changed.
    /// </summary>
    public static IReadOnlyList<Member> TransferTo(IReadOnlyCollection<Member> members, Member newOwner, string ownerRole, string formerOwnerRole)
    {
        var changed = new List<Member>();
        if (!newOwner.Holds(ownerRole))
        {
            ChangeRoles(members, newOwner, [.. newOwner.Roles, ownerRole], ownerRole);
            changed.Add(newOwner);
        }

        foreach (var former in members.Where(m => m != newOwner && m.Holds(ownerRole)).ToList())
        {
            var roles = former.Roles.Select(r => r == ownerRole ? formerOwnerRole : r).Distinct(StringComparer.Ordinal).ToList();
            ChangeRoles(members, former, roles, ownerRole);
            changed.Add(former);
        }

        return changed;
    }
}

public enum OwnerChange
{
    Allowed,
    WouldLoseLastOwner,
}
