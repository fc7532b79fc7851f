// Organizations for the demo frontend (BetterAuth's organization plugin, /organization/*): the switcher (the
// user's organizations, create one, set-active), the members page of the active organization (members with
// their roles, invite by email, pending invitations, change a role, remove a member) and the accept-invitation
// page, where the invitation mail's link lands (?view=invitation&invitationId=...).

/** The roles the page offers: BetterAuth's defaults (a service with other roles configured accepts others). */
const ROLES = ["member", "admin", "owner"];

/** Wires the controls; app.js passes its API helper, its action runner, its session refresh and its page URLs. */
export function setUpOrganizations({ api, run, refreshSession, pageUrl, getSession }) {
	const $ = (selector) => document.querySelector(selector);
	const make = (tag, properties = {}) => Object.assign(document.createElement(tag), properties);
	const problem = (result) => `${result.data?.code ?? result.status} ${result.data?.message ?? ""}`.trim();
	const activeId = () => getSession()?.session?.activeOrganizationId ?? null;

	async function listOrganizations() {
		const result = await api("/organization/list", { quiet: true });
		const switcher = $("#organization-switcher");
		const organizations = result.ok && Array.isArray(result.data) ? result.data : [];
		switcher.replaceChildren(make("option", { value: "", textContent: organizations.length ? "(none active)" : "(no organizations yet)" }),
			...organizations.map((o) => make("option", { value: o.id, textContent: `${o.name} (${o.slug})` })));
		switcher.value = activeId() ?? "";
		switcher.dataset.count = String(organizations.length);
		const active = organizations.find((o) => o.id === activeId());
		$("#active-organization").textContent = active ? `Active: ${active.name}` : "No active organization.";
		$("#active-organization").dataset.slug = active?.slug ?? "";
		$("#members-card").hidden = !active;
		if (active) {
			$("#members-title").textContent = `Members of ${active.name}`;
			await loadPermissions();
			await listMembers();
			if (allowed.invite) await listInvitations();
		}
	}

	async function createOrganization(form) {
		const { name, slug } = Object.fromEntries(new FormData(form));
		const result = await api("/organization/create", { method: "POST", body: { name, slug } });
		$("#organization-state").textContent = result.ok ? `Created ${result.data.name}; it is now active.` : `Not created: ${problem(result)}`;
		if (result.ok) form.reset();
		await refreshSession(); // create makes it the active organization (BetterAuth)
	}

	async function setActive(organizationId) {
		const result = await api("/organization/set-active", { method: "POST", body: { organizationId: organizationId || null } });
		$("#organization-state").textContent = result.ok ? "" : `Not switched: ${problem(result)}`;
		await refreshSession();
	}

	/** What the caller's roles allow here (has-permission): the page offers only those controls; the service decides anyway. */
	const allowed = { invite: false, update: false, remove: false };
	async function loadPermissions() {
		const ask = async (resource, action) => (await api("/organization/has-permission", {
			method: "POST", body: { organizationId: activeId(), permissions: { [resource]: [action] } }, quiet: true,
		})).data?.success === true;
		[allowed.invite, allowed.update, allowed.remove] = await Promise.all([ask("invitation", "create"), ask("member", "update"), ask("member", "delete")]);
		$("#invite-form").hidden = !allowed.invite;
		$("#pending-invitations").hidden = !allowed.invite;
		$("#members-state").textContent = allowed.invite || allowed.update ? "" : "Your role lets you see the members; owners and admins manage them.";
	}

	async function listMembers() {
		const result = await api(`/organization/list-members?organizationId=${encodeURIComponent(activeId())}`, { quiet: true });
		const list = $("#members");
		list.replaceChildren();
		if (!result.ok) {
			list.dataset.count = "";
			return;
		}
		for (const member of result.data.members) {
			const item = make("li");
			item.dataset.email = member.user.email;
			item.dataset.role = member.role;
			const you = member.userId === getSession()?.user?.id ? " (you)" : "";
			item.append(make("span", { className: "who", textContent: `${member.user.name} · ${member.user.email}${you}` }),
				make("span", { className: "role", textContent: member.role }));
			if (allowed.update) {
				const role = make("select");
				role.append(...roleOptions(member.role.split(",")[0]));
				const change = make("button", { type: "button", textContent: "Change role" });
				change.addEventListener("click", () => run(() => updateRole(member.id, role.value)));
				item.append(role, change);
			}
			if (allowed.remove) {
				const remove = make("button", { type: "button", textContent: "Remove" });
				remove.addEventListener("click", () => run(() => removeMember(member.id)));
				item.append(remove);
			}
			list.append(item);
		}
		list.dataset.count = String(result.data.members.length);
	}

	async function updateRole(memberId, role) {
		const result = await api("/organization/update-member-role", { method: "POST", body: { memberId, role, organizationId: activeId() } });
		$("#members-state").textContent = result.ok ? "Role changed." : `Not changed: ${problem(result)}`;
		await listMembers();
	}

	async function removeMember(memberIdOrEmail) {
		const result = await api("/organization/remove-member", { method: "POST", body: { memberIdOrEmail, organizationId: activeId() } });
		$("#members-state").textContent = result.ok ? "Member removed." : `Not removed: ${problem(result)}`;
		await listMembers();
	}

	async function invite(form) {
		const { email, role } = Object.fromEntries(new FormData(form));
		// callbackURL: the mail's link opens this page's invitation view (a trusted origin of the service).
		const result = await api("/organization/invite-member", {
			method: "POST", body: { email, role, organizationId: activeId(), callbackURL: pageUrl("invitation") },
		});
		$("#invite-state").textContent = result.ok ? `Invitation sent to ${result.data.email}.` : `Not invited: ${problem(result)}`;
		$("#invite-state").dataset.sent = result.ok ? "yes" : "no";
		if (result.ok) form.reset();
		await listInvitations();
	}

	async function listInvitations() {
		const result = await api(`/organization/list-invitations?organizationId=${encodeURIComponent(activeId())}`, { quiet: true });
		const list = $("#invitations");
		list.replaceChildren();
		const pending = result.ok ? result.data.filter((i) => i.status === "pending") : [];
		for (const invitation of pending) {
			const item = make("li", { textContent: `${invitation.email} · ${invitation.role} · until ${new Date(invitation.expiresAt).toLocaleString()} ` });
			item.dataset.email = invitation.email;
			const cancel = make("button", { type: "button", textContent: "Cancel" });
			cancel.addEventListener("click", () => run(async () => {
				await api("/organization/cancel-invitation", { method: "POST", body: { invitationId: invitation.id } });
				await listInvitations();
			}));
			item.append(cancel);
			list.append(item);
		}
		list.dataset.count = result.ok ? String(pending.length) : "";
		if (result.ok && pending.length === 0) list.append(make("li", { className: "empty", textContent: "No pending invitations." }));
	}

	/** The role choices, `selected` chosen (also what a form reset returns to). */
	function roleOptions(selected) {
		return ROLES.map((r) => make("option", { value: r, textContent: r, defaultSelected: r === selected, selected: r === selected }));
	}

	/** The invitation page: get-invitation needs the recipient signed in, with that address verified. */
	async function showInvitation() {
		const id = new URLSearchParams(location.search).get("invitationId");
		const details = $("#invitation-details");
		details.replaceChildren();
		$("#invitation-actions").hidden = true;
		if (!getSession()?.user) {
			$("#invitation-state").textContent = "Sign in (or sign up) with the invited address to see this invitation.";
			return;
		}
		const result = await api(`/organization/get-invitation?id=${encodeURIComponent(id)}`);
		if (!result.ok) {
			$("#invitation-state").textContent = result.data?.code?.startsWith("EMAIL_VERIFICATION_REQUIRED")
				? "Verify your email address first (the link in your inbox), then open this invitation again."
				: `This invitation cannot be shown: ${problem(result)}`;
			return;
		}
		const invitation = result.data;
		for (const [term, value] of [["Organization", invitation.organizationName], ["Invited by", invitation.inviterEmail],
			["Role", invitation.role], ["For", invitation.email], ["Open until", new Date(invitation.expiresAt).toLocaleString()]]) {
			details.append(make("dt", { textContent: term }), make("dd", { textContent: value }));
		}
		$("#invitation-state").textContent = `${invitation.inviterEmail} invited you to ${invitation.organizationName}.`;
		$("#invitation-actions").hidden = false;
	}

	async function answer(accept) {
		const invitationId = new URLSearchParams(location.search).get("invitationId");
		const result = await api(`/organization/${accept ? "accept" : "reject"}-invitation`, { method: "POST", body: { invitationId } });
		const state = $("#invitation-state");
		state.dataset.answer = result.ok ? result.data.invitation.status : "";
		state.textContent = !result.ok ? `Not answered: ${problem(result)}`
			: accept ? `You joined ${$("#invitation-details dd")?.textContent ?? "the organization"}; it is now your active organization.`
				: "You declined the invitation.";
		if (result.ok) $("#invitation-actions").hidden = true;
		await refreshSession();
	}

	$("#create-organization-form").addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => createOrganization(event.target));
	});
	$("#invite-form").addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => invite(event.target));
	});
	$("#invite-form [name=role]").append(...roleOptions("member"));
	$("#organization-switcher").addEventListener("change", (event) => run(() => setActive(event.target.value)));
	$("#accept-invitation").addEventListener("click", () => run(() => answer(true)));
	$("#reject-invitation").addEventListener("click", () => run(() => answer(false)));

	const invitationView = () => new URLSearchParams(location.search).get("view") === "invitation";
	return {
		/** After every session refresh: the cards follow the session and its active organization. */
		async render() {
			const signedIn = Boolean(getSession()?.user);
			$("#organizations-card").hidden = !signedIn;
			$("#invitation-card").hidden = !invitationView();
			if (invitationView() && $("#invitation-actions").hidden && !$("#invitation-state").dataset.answer) await showInvitation();
			if (signedIn) {
				await listOrganizations();
			} else {
				$("#members-card").hidden = true;
			}
		},
	};
}
