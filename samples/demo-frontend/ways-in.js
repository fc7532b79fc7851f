// Ways in without the email-and-password form, for the demo frontend: a username and password (BetterAuth's
// username plugin), a mailed sign-in link (magic-link plugin) and a mailed six-digit code (email-otp plugin).
// The link's and the code's pages ("check your mail", "enter your code") live here; what follows a sign-in
// (a session, or the second-factor prompt) is app.js's afterCredentials, the same as for a password.

/** What a refused code means to the user, by the service's error code; anything else is shown as it came. */
const CODE_REFUSALS = {
	INVALID_OTP: "That code is not right. Check the mail and type it again.",
	OTP_EXPIRED: "That code has expired. Send a new one.",
	TOO_MANY_ATTEMPTS: "Too many wrong tries for this code: it no longer works, even typed right. Send a new one.",
};

/**
 * Wires the controls. app.js passes its API helper, its action runner, what follows a sign-in, its page URLs and
 * its render (the signed-out card steps aside while a link or a code is on its way).
 */
export function setUpWaysIn({ api, run, afterCredentials, pageUrl, render }) {
	const $ = (selector) => document.querySelector(selector);
	const problem = (result) => `${result.data?.code ?? result.status} ${result.data?.message ?? ""}`.trim();
	/** The mail on its way: { way: "link" | "code", email }, or null. In memory only: a reload starts over. */
	let pending = null;

	async function signInWithUsername(form) {
		const { username, password } = Object.fromEntries(new FormData(form));
		const result = await api("/sign-in/username", { method: "POST", body: { username, password } });
		$("#username-status").textContent = result.ok ? "" : problem(result);
		if (result.ok) form.reset();
		await afterCredentials(result);
	}

	/** "Email me a link" and "Email me a code" share the address field; the button pressed picks the way. */
	async function startEmailSignIn(form, way) {
		const { email } = Object.fromEntries(new FormData(form));
		const sent = way === "code" ? await sendCode(email) : await sendLink(email);
		$("#email-way-status").textContent = sent.ok ? "" : `Not sent: ${problem(sent)}`;
		if (!sent.ok) return;
		pending = { way, email };
		$("#code-form").reset();
		showCodeError(null);
		render();
		if (way === "code") $("#code-form [name=otp]").focus();
	}

	/**
	 * The link leads through the service's /magic-link/verify back to this page: signed in (?view=signed-in), or
	 * waiting for the second factor (&twoFactorRedirect=true), or refused (?view=link-error&error=CODE). These URLs
	 * must be on a trusted origin of the service, which checks them here and again when the link is followed.
	 */
	function sendLink(email) {
		return api("/sign-in/magic-link", {
			method: "POST",
			body: { email, callbackURL: pageUrl("signed-in"), newUserCallbackURL: pageUrl("signed-in"), errorCallbackURL: pageUrl("link-error") },
		});
	}

	function sendCode(email) {
		return api("/email-otp/send-verification-otp", { method: "POST", body: { email, type: "sign-in" } });
	}

	async function sendAgain() {
		const sent = pending.way === "code" ? await sendCode(pending.email) : await sendLink(pending.email);
		const status = $(pending.way === "code" ? "#code-resent" : "#magic-link-status");
		status.dataset.sent = sent.ok ? "yes" : "no";
		status.textContent = sent.ok
			? `Sent again at ${new Date().toLocaleTimeString()}; only the newest ${pending.way === "code" ? "code" : "mail"} counts.`
			: `Not sent: ${problem(sent)}`;
		if (pending.way === "code" && sent.ok) {
			$("#code-form").reset();
			showCodeError(null);
		}
	}

	async function signInWithCode(form) {
		const otp = new FormData(form).get("otp").trim();
		const result = await api("/sign-in/email-otp", { method: "POST", body: { email: pending.email, otp } });
		if (!result.ok) {
			showCodeError(result);
			form.reset();
			return;
		}
		pending = null;
		render();
		await afterCredentials(result);
	}

	function showCodeError(result) {
		const element = $("#code-error");
		element.dataset.code = result?.data?.code ?? "";
		element.textContent = !result ? "" : CODE_REFUSALS[result.data?.code] ?? `Not signed in: ${problem(result)}`;
	}

	function startOver() {
		pending = null;
		$("#code-resent").textContent = "";
		$("#magic-link-status").textContent = "";
		render();
	}

	$("#username-sign-in-form").addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => signInWithUsername(event.target));
	});
	$("#email-way-form").addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => startEmailSignIn(event.target, event.submitter?.value === "code" ? "code" : "link"));
	});
	$("#code-form").addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => signInWithCode(event.target));
	});
	for (const button of document.querySelectorAll(".send-again")) button.addEventListener("click", () => run(sendAgain));
	for (const button of document.querySelectorAll(".start-over")) button.addEventListener("click", startOver);

	return {
		/** True while the page waits for the user's mail: the link's or the code's page stands in for the sign-in forms. */
		get awaitingMail() {
			return pending !== null;
		},
		/** After every render of app.js: the "check your mail" and "enter your code" pages follow the pending mail. */
		render(signedIn) {
			if (signedIn) pending = null;
			$("#magic-link-sent").hidden = pending?.way !== "link";
			$("#code-entry").hidden = pending?.way !== "code";
			for (const address of document.querySelectorAll(".pending-address")) address.textContent = pending?.email ?? "";
		},
	};
}
