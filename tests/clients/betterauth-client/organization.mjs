// Drives organizations with BetterAuth's own JavaScript client and its organizationClient plugin (better-auth
// 1.7.25, unchanged): create, invite (the invitation read from a MailDev inbox), accept, list members, set active,
// has-permission, update a role, get-organization, teams (create, list, update, team members, active team, remove)
// and the organization's own roles (create, list, get, update, delete; the service runs with dynamic access control
// on), leave, remove a member. The invitee signs in by magic link, so their address is verified, as accepting an
// invitation requires.
//
//   node organization.mjs <auth base URL> <MailDev web URL, e.g. http://127.0.0.1:1080>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createAuthClient } from "better-auth/client";
import { magicLinkClient, organizationClient } from "better-auth/client/plugins";

const [baseURL, inboxURL] = process.argv.slice(2);
if (!baseURL || !inboxURL) {
	console.error("usage: node organization.mjs <base URL> <MailDev web URL>");
	process.exit(2);
}
const origin = new URL(baseURL).origin;

// A cookie jar and the Origin header, as a browser would keep and send them (see compat.mjs).
function newClient() {
	const jar = new Map();
	const customFetchImpl = async (input, init = {}) => {
		const headers = new Headers(init.headers || {});
		if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
		headers.set("origin", origin);
		const response = await fetch(input, { ...init, headers, redirect: "manual" });
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(";");
			const at = pair.indexOf("=");
			const maxAge = attributes.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith("max-age="));
			if (pair.slice(at + 1) === "" || (maxAge && Number(maxAge.slice(8)) <= 0)) jar.delete(pair.slice(0, at).trim());
			else jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
		}
		return response;
	};
	return createAuthClient({ baseURL, plugins: [organizationClient(), magicLinkClient()], fetchOptions: { customFetchImpl } });
}

let failures = 0;
function check(name, condition, detail = "") {
	if (condition) console.log(`ok   ${name}`);
	else {
		failures++;
		console.log(`FAIL ${name} ${detail}`);
	}
}
const show = (r) => JSON.stringify({ error: r.error, data: r.data });

/** The newest unseen mail to `to` whose text matches `pattern`, waiting up to 30 s; returns the first group. */
async function fromMail(to, pattern, seen) {
	for (let i = 0; i < 300; i++) {
		const mails = await (await fetch(`${inboxURL}/api/email`)).json();
		for (const mail of mails.reverse()) {
			if (seen.has(mail.id) || !mail.envelope.to.some((t) => t.address === to)) continue;
			const match = mail.text.match(pattern);
			if (match) {
				seen.add(mail.id);
				return match[1] ?? match[0];
			}
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no mail matching ${pattern} arrived for ${to}`);
}
const invitationIn = (to, seen) => fromMail(to, /Invitation id: (\w+)/, seen);

const seen = new Set();
const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const ownerEmail = `org-owner-${stamp}@example.com`;
const inviteeEmail = `org-invitee-${stamp}@example.com`;
const slug = `acme-${stamp}`;

const owner = newClient();
const signedUp = await owner.signUp.email({ email: ownerEmail, password: "correct horse battery staple", name: "Owner" });
check("the owner signs up", !signedUp.error, show(signedUp));

const created = await owner.organization.create({ name: "Acme", slug, metadata: { plan: "pro" } });
check("organization.create returns the organization with its owner", !created.error && created.data?.slug === slug && created.data?.members?.[0]?.role === "owner" && created.data?.metadata?.plan === "pro", show(created));
const organizationId = created.data?.id;
const ownerSession = await owner.getSession({ query: { disableCookieCache: true } });
check("the new organization is the owner's active one", ownerSession.data?.session?.activeOrganizationId === organizationId, show(ownerSession));
const slugTaken = await owner.organization.checkSlug({ slug });
check("organization.checkSlug refuses a taken slug", slugTaken.error?.code === "ORGANIZATION_SLUG_ALREADY_TAKEN", show(slugTaken));

const invited = await owner.organization.inviteMember({ email: inviteeEmail, role: "member", organizationId });
check("organization.inviteMember returns a pending invitation", !invited.error && invited.data?.status === "pending" && invited.data?.email === inviteeEmail, show(invited));
const mailedId = await invitationIn(inviteeEmail, seen);
check("the invitation mail carries its id", mailedId === invited.data?.id, `${mailedId} vs ${invited.data?.id}`);

// The invitee signs in by magic link: a verified address.
const invitee = newClient();
await invitee.signIn.magicLink({ email: inviteeEmail, name: "Invitee", callbackURL: "/" });
const link = new URL(await fromMail(inviteeEmail, /https?:\/\/\S+\/magic-link\/verify\S+/, seen));
const verified = await invitee.magicLink.verify({ query: { token: link.searchParams.get("token") } });
check("the invitee signs in by magic link", !verified.error && verified.data?.user?.emailVerified === true, show(verified));

const listed = await invitee.organization.listUserInvitations();
check("organization.listUserInvitations shows the invitation", !listed.error && listed.data?.some((i) => i.id === mailedId && i.organizationName === "Acme"), show(listed));
const accepted = await invitee.organization.acceptInvitation({ invitationId: mailedId });
check("organization.acceptInvitation makes the invitee a member", !accepted.error && accepted.data?.invitation?.status === "accepted" && accepted.data?.member?.role === "member", show(accepted));
const again = await invitee.organization.acceptInvitation({ invitationId: mailedId });
check("the invitation works once", again.error?.code === "INVITATION_NOT_FOUND", show(again));

const members = await owner.organization.listMembers({ query: { organizationId } });
check("organization.listMembers lists both", !members.error && members.data?.total === 2 && members.data.members.some((m) => m.user.email === inviteeEmail), show(members));
const inviteeMember = members.data?.members.find((m) => m.user.email === inviteeEmail);

const active = await invitee.organization.setActive({ organizationId });
check("organization.setActive returns the organization", !active.error && active.data?.id === organizationId, show(active));
const inviteeSession = await invitee.getSession({ query: { disableCookieCache: true } });
check("get-session shows the active organization", inviteeSession.data?.session?.activeOrganizationId === organizationId, show(inviteeSession));
const activeMember = await invitee.organization.getActiveMember();
check("organization.getActiveMember is the invitee's membership", !activeMember.error && activeMember.data?.user?.email === inviteeEmail, show(activeMember));

const cannot = await invitee.organization.hasPermission({ permissions: { member: ["delete"] } });
check("organization.hasPermission: a member may not remove members", !cannot.error && cannot.data?.success === false, show(cannot));
const can = await owner.organization.hasPermission({ permissions: { organization: ["delete"] } });
check("organization.hasPermission: the owner may delete the organization", !can.error && can.data?.success === true, show(can));

const promoted = await owner.organization.updateMemberRole({ memberId: inviteeMember?.id, role: "admin" });
check("organization.updateMemberRole returns the member with the new role", !promoted.error && promoted.data?.role === "admin", show(promoted));
const nowCan = await invitee.organization.hasPermission({ permissions: { member: ["delete"] } });
check("organization.hasPermission follows the new role", !nowCan.error && nowCan.data?.success === true, show(nowCan));

const fetched = await owner.organization.getOrganization({ query: { organizationId } });
check("organization.getOrganization returns the organization alone", !fetched.error && fetched.data?.id === organizationId && fetched.data?.members === undefined, show(fetched));

// Teams.
const team = await owner.organization.createTeam({ name: "Core", organizationId });
check("organization.createTeam returns the team", !team.error && team.data?.name === "Core" && team.data?.organizationId === organizationId, show(team));
const teamId = team.data?.id;
const teams = await owner.organization.listTeams({ query: { organizationId } });
check("organization.listTeams lists it", !teams.error && teams.data?.some((t) => t.id === teamId), show(teams));
const renamedTeam = await owner.organization.updateTeam({ teamId, data: { name: "Core team" } });
check("organization.updateTeam renames it", !renamedTeam.error && renamedTeam.data?.name === "Core team", show(renamedTeam));
const inviteeUserId = inviteeMember?.userId;
const teamMember = await owner.organization.addTeamMember({ teamId, userId: inviteeUserId });
check("organization.addTeamMember adds the invitee", !teamMember.error && teamMember.data?.userId === inviteeUserId && teamMember.data?.teamId === teamId, show(teamMember));
const userTeams = await invitee.organization.listUserTeams();
check("organization.listUserTeams shows the invitee's team", !userTeams.error && userTeams.data?.some((t) => t.id === teamId), show(userTeams));
const activeTeam = await invitee.organization.setActiveTeam({ teamId });
check("organization.setActiveTeam returns the team", !activeTeam.error && activeTeam.data?.id === teamId, show(activeTeam));
const teamSession = await invitee.getSession({ query: { disableCookieCache: true } });
check("get-session shows the active team", teamSession.data?.session?.activeTeamId === teamId, show(teamSession));
const teamMembers = await invitee.organization.listTeamMembers({ query: { teamId } });
check("organization.listTeamMembers lists the invitee", !teamMembers.error && teamMembers.data?.length === 1 && teamMembers.data[0].userId === inviteeUserId, show(teamMembers));
const outOfTeam = await owner.organization.removeTeamMember({ teamId, userId: inviteeUserId });
check("organization.removeTeamMember takes the invitee out", !outOfTeam.error && outOfTeam.data?.message === "Team member removed successfully.", show(outOfTeam));
const spare = await owner.organization.createTeam({ name: "Spare", organizationId });
const removedTeam = await owner.organization.removeTeam({ teamId: spare.data?.id, organizationId });
check("organization.removeTeam removes a team", !spare.error && !removedTeam.error && removedTeam.data?.message === "Team removed successfully.", show(removedTeam));

// The organization's own roles (dynamic access control).
const role = await owner.organization.createRole({ role: "Auditor", permission: { member: ["update"] }, organizationId });
check("organization.createRole defines a role", !role.error && role.data?.success === true && role.data?.roleData?.role === "auditor", show(role));
const roles = await owner.organization.listRoles({ query: { organizationId } });
check("organization.listRoles lists it", !roles.error && roles.data?.some((r) => r.role === "auditor"), show(roles));
const gotRole = await owner.organization.getRole({ query: { roleName: "auditor", organizationId } });
check("organization.getRole reads its statements", !gotRole.error && gotRole.data?.permission?.member?.[0] === "update", show(gotRole));
const changedRole = await owner.organization.updateRole({ roleName: "auditor", organizationId, data: { permission: { member: ["update", "delete"] } } });
check("organization.updateRole changes its statements", !changedRole.error && changedRole.data?.roleData?.permission?.member?.includes("delete"), show(changedRole));
const held = await owner.organization.updateMemberRole({ memberId: inviteeMember?.id, role: "auditor" });
const mayRemove = await invitee.organization.hasPermission({ permissions: { member: ["delete"] } });
check("a member holding the role gets its permissions", !held.error && mayRemove.data?.success === true, show(mayRemove));
const inUse = await owner.organization.deleteRole({ roleName: "auditor", organizationId });
check("a role in use cannot be deleted", inUse.error?.code === "ROLE_IS_ASSIGNED_TO_MEMBERS", show(inUse));
await owner.organization.updateMemberRole({ memberId: inviteeMember?.id, role: "admin" });
const deletedRole = await owner.organization.deleteRole({ roleName: "auditor", organizationId });
check("organization.deleteRole deletes it", !deletedRole.error && deletedRole.data?.success === true, show(deletedRole));

const ownerLeaves = await owner.organization.leave({ organizationId });
check("the last owner cannot leave", ownerLeaves.error?.code === "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER", show(ownerLeaves));
const left = await invitee.organization.leave({ organizationId });
check("organization.leave: the invitee leaves", !left.error && left.data?.user?.email === inviteeEmail, show(left));

// Invited again, accepted again, then removed by the owner.
const reinvited = await owner.organization.inviteMember({ email: inviteeEmail, role: "member", organizationId });
const secondId = await invitationIn(inviteeEmail, seen);
const rejoined = await invitee.organization.acceptInvitation({ invitationId: secondId });
check("a second invitation is accepted", !reinvited.error && !rejoined.error && rejoined.data?.member?.role === "member", show(rejoined));
const removed = await owner.organization.removeMember({ memberIdOrEmail: inviteeEmail, organizationId });
check("organization.removeMember removes the member", !removed.error && removed.data?.member?.userId === rejoined.data?.member?.userId, show(removed));
const after = await owner.organization.listMembers({ query: { organizationId } });
check("only the owner is left", after.data?.total === 1, show(after));
const outsider = await invitee.organization.listMembers({ query: { organizationId } });
check("the removed member sees nothing of the organization", outsider.error?.code === "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION" && !JSON.stringify(outsider).includes(ownerEmail), show(outsider));

if (failures > 0) {
	console.log(`${failures} check(s) failed`);
	process.exit(1);
}
console.log("all checks passed");
