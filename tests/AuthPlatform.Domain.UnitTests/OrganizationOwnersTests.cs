using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>An organization never loses its last owner; invitations are single use and expire.</summary>
public sealed class OrganizationOwnersTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_last_owner_can_neither_leave_nor_be_removed_nor_lose_the_role()
    {
        var owner = Member.Join("org", "ann", ["owner"], Now);
        var admin = Member.Join("org", "bob", ["admin"], Now);
        Member[] members = [owner, admin];

        Assert.Equal(OwnerChange.WouldLoseLastOwner, OrganizationOwners.CanLeave(members, owner, "owner"));
        Assert.Equal(OwnerChange.WouldLoseLastOwner, OrganizationOwners.CanRemove(members, owner, owner, "owner"));
        Assert.Equal(OwnerChange.WouldLoseLastOwner, OrganizationOwners.ChangeRoles(members, owner, ["admin"], "owner"));
        Assert.Equal("owner", owner.Role);
        Assert.Equal(OwnerChange.Allowed, OrganizationOwners.CanLeave(members, admin, "owner"));
    }

    [Fact]
    public void A_transfer_makes_the_new_owner_first_and_gives_every_other_owner_the_former_owner_role()
    {
        var ann = Member.Join("org", "ann", ["owner"], Now);
        var cid = Member.Join("org", "cid", ["admin", "owner"], Now);
        var bob = Member.Join("org", "bob", ["member"], Now);
        var dee = Member.Join("org", "dee", ["member"], Now);
        Member[] members = [ann, cid, bob, dee];

        var changed = OrganizationOwners.TransferTo(members, bob, "owner", "admin");

        Assert.Equal([bob, ann, cid], changed);
        Assert.Equal("member,owner", bob.Role);
        Assert.Equal("admin", ann.Role);
        Assert.Equal("admin", cid.Role);
        Assert.Equal("member", dee.Role);
    }

    [Fact]
    public void A_transfer_to_the_only_owner_changes_nothing()
    {
        var ann = Member.Join("org", "ann", ["owner"], Now);
        var bob = Member.Join("org", "bob", ["member"], Now);

        Assert.Empty(OrganizationOwners.TransferTo([ann, bob], ann, "owner", "admin"));
        Assert.Equal("owner", ann.Role);
    }

    [Fact]
    public void With_a_second_owner_one_may_go_but_only_an_owner_removes_an_owner()
    {
        var ann = Member.Join("org", "ann", ["owner"], Now);
        var cid = Member.Join("org", "cid", ["admin", "owner"], Now);
        var bob = Member.Join("org", "bob", ["admin"], Now);
        Member[] members = [ann, cid, bob];

        Assert.Equal(OwnerChange.Allowed, OrganizationOwners.CanLeave(members, ann, "owner"));
        Assert.Equal(OwnerChange.Allowed, OrganizationOwners.CanRemove(members, cid, ann, "owner"));
        Assert.Equal(OwnerChange.WouldLoseLastOwner, OrganizationOwners.CanRemove(members, cid, bob, "owner"));
        Assert.Equal(OwnerChange.Allowed, OrganizationOwners.ChangeRoles(members, cid, ["admin"], "owner"));
        Assert.Equal("admin", cid.Role);
    }

    [Fact]
    public void An_invitation_is_accepted_once_and_never_after_it_expires()
    {
        var invitation = Invitation.Issue("org", "Bob@Example.com", "member", "ann", TimeSpan.FromHours(48), Now);
        Assert.Equal("bob@example.com", invitation.Email);
        Assert.True(invitation.IsFor("BOB@example.com"));

        Assert.True(invitation.Accept(Now.AddHours(1)));
        Assert.False(invitation.Accept(Now.AddHours(2)));
        Assert.False(invitation.Cancel());
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);

        var late = Invitation.Issue("org", "bob@example.com", "member", "ann", TimeSpan.FromHours(48), Now);
        Assert.False(late.Accept(Now.AddHours(48)));
        Assert.Equal(InvitationStatus.Pending, late.Status);
        Assert.True(late.Reject());
        Assert.Throws<DomainRuleException>(() => late.Rearm(TimeSpan.FromHours(1), Now));
    }

    [Fact]
    public void A_slug_is_lower_case_letters_digits_and_inner_hyphens()
    {
        Assert.True(Organization.IsValidSlug("acme-2"));
        Assert.False(Organization.IsValidSlug("Acme"));
        Assert.False(Organization.IsValidSlug("-acme"));
        Assert.False(Organization.IsValidSlug("ac me"));
        Assert.False(Organization.IsValidSlug(new string('a', 65)));
    }
}
