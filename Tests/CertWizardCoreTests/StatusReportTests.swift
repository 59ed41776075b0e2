@testable import CertWizardCore
import Testing
import TestSupport

/// A complete draft submitted on `submitted` with order number DEMO-1.
private func submitted(_ type: ApplicationType = .new, on submitted: String) throws -> Draft {
    try ApplicationEvent.submitted.apply(to: completeDraft(type), on: date(submitted), .init(orderNumber: "DEMO-1", amount: 88_000))
}

private func record(_ events: [(ApplicationEvent, String)], in draft: Draft) throws -> Draft {
    try events.reduce(draft) { d, e in try e.0.apply(to: d, on: date(e.1)) }
}

@Suite struct StatusReportTests {
    @Test func beforeSubmissionTheApplicantsMoveIsToSubmitAndLaterStepsWait() {
        var made = completeDraft()
        made.csr.pem = "-----BEGIN CERTIFICATE REQUEST-----\n…\n-----END CERTIFICATE REQUEST-----"
        let report = StatusReport(draft: made, today: today)
        #expect(report.line(.organization)?.state == .done)
        #expect(report.line(.application)?.state == .toDo)
        #expect(report.line(.phoneVerification)?.state == .blocked(Localized("申請前", "not applied yet")))
        // The payment's due date shows already, with the days left.
        let payment = try! #require(report.line(.payment))
        #expect(payment.date == date("2026-11-30") && payment.dateKind == .due)
        #expect(report.nextAction.en.contains("submit the application"))
        #expect(report.dates.first { $0.id == "plannedTransfer" }?.daysLeft == 6)

        let noCSR = StatusReport(draft: completeDraft(), today: today)
        #expect(noCSR.line(.csr)?.state == .toDo && noCSR.nextAction.en.contains("1-2"), "no CSR made yet: 1-2 is not done")
        var broken = made
        broken.csr.commonName = nil
        let blocked = StatusReport(draft: broken, today: today)
        #expect(blocked.line(.csr)?.state == .toDo)
        #expect(blocked.nextAction.en.contains("1-2"))
        if case .blocked = blocked.line(.application)?.state {} else { Issue.record("application should be blocked") }
    }

    /// The approver is reminded after 2 business days; 2026-11-23 is Labour Thanksgiving Day.
    @Test func theApproverReminderCountsBusinessDaysAcrossAHoliday() throws {
        var d = try submitted(on: "2026-11-20")
        d.domainCheck.whoisMatches = false
        d.domainCheck.method = .approverEmail
        d.domainCheck.approverEmail = "admin@example.co.jp"
        let waiting = StatusReport(draft: d, today: date("2026-11-20")).line(.domainCheck)
        #expect(waiting?.state == .waiting(on: .issuer))

        d = try ApplicationEvent.approverEmailSent.apply(to: d, on: date("2026-11-20"))
        let before = try #require(StatusReport(draft: d, today: date("2026-11-24")).line(.domainCheck))
        #expect(before.state == .waiting(on: .approver))
        #expect(before.date == date("2026-11-25") && before.dateKind == .reminder)
        #expect(before.details.contains { $0.en.contains("admin@example.co.jp") && $0.en.contains("2026-11-20") })

        let due = StatusReport(draft: d, today: date("2026-11-25"))
        let line = try #require(due.line(.domainCheck))
        #expect(line.state == .toDo)
        #expect(line.details.contains { $0.en.contains("No reply within 2 business days") })
        // The alternatives name the other constructed addresses, the WHOIS change and the opinion letter.
        #expect(line.details.contains { $0.en.contains("webmaster@example.co.jp") && $0.en.contains("opinion letter") })
        #expect(due.nextAction.en.contains("Remind the approver admin@example.co.jp"))

        // A resend restarts the count; the reply completes the check.
        d = try ApplicationEvent.approverEmailSent.apply(to: d, on: date("2026-11-25"), .init(approverAddress: "webmaster@example.co.jp"))
        #expect(StatusReport(draft: d, today: date("2026-11-26")).line(.domainCheck)?.date == date("2026-11-27"))
        d = try ApplicationEvent.approverReplied.apply(to: d, on: date("2026-11-26"))
        #expect(StatusReport(draft: d, today: date("2026-11-26")).line(.domainCheck)?.state == .done)
        #expect(d.timeline.map(\.event) == ["submitted", "approver-email-sent", "approver-email-sent", "approver-replied"])
    }

    /// 12/29-1/3 is the year-end break: standard issuance 3 business days after verification, Express the same business day.
    @Test func theExpectedIssueDateSkipsTheYearEndBreak() throws {
        var d = try submitted(on: "2026-12-21")
        d.domainCheck.whoisMatches = true
        d.phoneVerification.briefed = true
        d = try record([(.organizationConfirmed, "2026-12-22"), (.paymentReceived, "2026-12-24")], in: d)
        let pending = try #require(StatusReport(draft: d, today: date("2026-12-24")).line(.issuance))
        if case .blocked(let why) = pending.state { #expect(why.en.contains("Phone verification")) } else { Issue.record("\(pending.state)") }
        #expect(pending.date == date("2027-01-04"), "12-25, 12-28, then 1-4 after the break")

        d = try ApplicationEvent.phoneVerified.apply(to: d, on: date("2026-12-29"))
        let standard = StatusReport(draft: d, today: date("2026-12-29"))
        #expect(standard.line(.issuance)?.state == .waiting(on: .issuer))
        #expect(standard.line(.issuance)?.date == date("2027-01-06"))
        #expect(standard.dates.first { $0.id == "expectedIssuance" }?.date == date("2027-01-06"))
        d.order.express = true
        #expect(StatusReport(draft: d, today: date("2026-12-29")).line(.issuance)?.date == date("2027-01-04"))
    }

    @Test func aDeferredRenewalPaysAfterIssuanceAndShowsTheDaysOfServiceLeft() throws {
        var d = completeDraft(.renewal)
        d.payment.deferred = true
        d.payment.plannedDate = nil
        d.currentCertificate.notAfter = date("2027-01-03")
        d.currentCertificate.notBefore = date("2026-01-05")
        d = try ApplicationEvent.submitted.apply(to: d, on: date("2026-12-24"), .init(orderNumber: "DEMO-9"))
        let report = StatusReport(draft: d, today: date("2026-12-24"))
        #expect(report.line(.payment)?.state == .waiting(on: .issuer))
        #expect(report.line(.payment)?.details.first?.en.contains("Deferred") == true)
        let expiry = try #require(report.dates.first { $0.id == "currentCertificateExpires" })
        #expect(expiry.daysLeft == 10)
        // The earliest issuance (12-25, 12-28, 1-4) is after the expiry: the applicant is told.
        #expect(expiry.value.en.contains("expires before the expected issuance (2027-01-04)"), "\(expiry.value.en)")

        d.domainCheck.whoisMatches = true
        d.phoneVerification.briefed = true
        d = try record([(.organizationConfirmed, "2026-12-24"), (.phoneVerified, "2026-12-25"), (.issued, "2027-01-04")], in: d)
        let issued = StatusReport(draft: d, today: date("2027-01-04"))
        #expect(issued.line(.payment)?.state == .toDo && issued.line(.payment)?.dateKind == .due)
        #expect(issued.line(.installation)?.state == .toDo)
        #expect(issued.dates.first { $0.id == "freeReissueUntil" }?.date == date("2027-01-29"))
        #expect(issued.nextAction.en.contains("deferred payment"))
    }

    @Test func aPlannedTransferOnAHolidayIsSeenTheNextBusinessDay() throws {
        var d = completeDraft()
        d.payment.plannedDate = date("2026-11-23")
        d = try ApplicationEvent.submitted.apply(to: d, on: date("2026-11-20"), .init(orderNumber: "X-1"))
        let payment = try #require(StatusReport(draft: d, today: date("2026-11-20")).line(.payment))
        #expect(payment.state == .toDo)
        #expect(payment.details.contains { $0.en == "2026-11-23 is not a business day: the payment is seen on 2026-11-24" })
        #expect(payment.details.contains { $0.en.contains("3 days left") })
        let late = try #require(StatusReport(draft: d, today: date("2026-11-26")).line(.payment))
        #expect(late.details.contains { $0.en.contains("passed 3 days ago") })
    }

    @Test func documentsAskedForAreTheApplicantsMoveAndGiveTheDocumentRange() throws {
        var d = try submitted(.new, on: "2026-11-24")
        d = try ApplicationEvent.documentsRequested.apply(to: d, on: date("2026-11-25"), .init(documentItems: ["登記事項証明書"]))
        let asked = try #require(StatusReport(draft: d, today: date("2026-11-25")).line(.documents))
        #expect(asked.state == .toDo && asked.details.first?.en.contains("登記事項証明書") == true)
        d = try ApplicationEvent.documentsSent.apply(to: d, on: date("2026-11-26"), .init(delivery: .fax))
        let report = StatusReport(draft: d, today: date("2026-11-26"))
        #expect(report.line(.documents)?.state == .done)
        // New applications: 7-14 business days after the documents (11-26 -> 12-07 .. 12-16).
        #expect(report.line(.issuance)?.details.contains { $0.en.contains("2026-12-07 – 2026-12-16") } == true)
    }

    @Test func anOrganizationWithoutAListedNumberMustRegisterOne() throws {
        var d = try submitted(on: "2026-11-24")
        d.organization.listedInDuns = false
        d.organization.listedInITownPage = false
        let line = try #require(StatusReport(draft: d, today: today).line(.organizationCheck))
        #expect(line.state == .toDo && line.action?.en.contains("about a month") == true)
    }

    @Test func thePhoneCallSaysWhoIsCalledWhatIsAskedAndTheAlternatives() throws {
        var d = try submitted(on: "2026-11-24")
        let unbriefed = try #require(StatusReport(draft: d, today: today).line(.phoneVerification))
        #expect(unbriefed.state == .toDo && unbriefed.action?.en.contains("Tell 山田 太郎") == true)
        d.phoneVerification.briefed = true
        let line = try #require(StatusReport(draft: d, today: today).line(.phoneVerification))
        #expect(line.state == .waiting(on: .issuer))
        let text = line.details.map(\.en).joined(separator: "\n")
        #expect(text.contains("03-1234-5678") && text.contains("www.example.co.jp") && text.contains("suzuki@example.co.jp"))
        #expect(text.contains("employment certificate") && text.contains("technical contact 鈴木 花子"))
    }

    @Test func aReissueSaysUntilWhenItIsFree() {
        var d = completeDraft(.reissue)
        #expect(StatusReport(draft: d, today: date("2026-11-24")).dates.first { $0.id == "freeReissueUntil" }?.value.en == "2026-12-05 (11 days left; free)")
        d.reissue.originalIssuedOn = date("2026-10-01")
        #expect(StatusReport(draft: d, today: date("2026-11-24")).dates.first { $0.id == "freeReissueUntil" }?.value.en.contains("charged") == true)
    }
}

@Suite struct ApplicationEventTests {
    @Test func eventsNeedASubmissionAndRefuseDuplicatesAndEarlierDates() throws {
        let draft = completeDraft()
        #expect(throws: ApplicationEvent.Refusal.notSubmitted) { try ApplicationEvent.paymentReceived.apply(to: draft, on: today) }
        #expect(throws: ApplicationEvent.Refusal.orderNumberMissing) { try ApplicationEvent.submitted.apply(to: draft, on: today) }
        let d = try ApplicationEvent.submitted.apply(to: draft, on: today, .init(orderNumber: " A-1 "))
        #expect(d.order.orderNumber == "A-1" && d.order.submittedOn == today)
        #expect(throws: ApplicationEvent.Refusal.alreadyRecorded(.submitted, today)) {
            try ApplicationEvent.submitted.apply(to: d, on: today, .init(orderNumber: "A-2"))
        }
        #expect(throws: ApplicationEvent.Refusal.beforeSubmission(today)) { try ApplicationEvent.paymentReceived.apply(to: d, on: date("2026-11-23")) }
        let paid = try ApplicationEvent.paymentReceived.apply(to: d, on: today)
        #expect(throws: ApplicationEvent.Refusal.alreadyRecorded(.paymentReceived, today)) { try ApplicationEvent.paymentReceived.apply(to: paid, on: today) }
        #expect(throws: ApplicationEvent.Refusal.notIssued) { try ApplicationEvent.installed.apply(to: paid, on: today) }
        let issued = try ApplicationEvent.issued.apply(to: paid, on: today, .init(certificatePath: "/tmp/a.crt", chainPath: "/tmp/a.chain.crt"))
        let installed = try ApplicationEvent.installed.apply(to: issued, on: date("2026-11-25"))
        #expect(installed.installation.certificateInstalled == true && installed.installation.intermediateInstalled == true)
        #expect(installed.timeline.map(\.event) == ["submitted", "payment-received", "issued", "installed"])
        #expect(installed.timeline[2].note == "/tmp/a.crt")
        #expect(StatusReport(draft: installed, today: date("2026-11-25")).line(.installation)?.state == .done)
    }
}

@Suite struct YenTests {
    @Test func amountsAreGroupedByThousands() {
        #expect(Yen.text(88_000) == Localized("88,000 円", "¥88,000"))
        #expect(Yen.text(1_320_000).en == "¥1,320,000")
        #expect(Yen.text(999).en == "¥999" && Yen.text(0).ja == "0 円")
    }
}

@Suite struct ApplicationSheetTests {
    @Test func theSheetFollowsTheStorefrontsOrderAndNamesWhatIsMissing() {
        var d = completeDraft(.renewal)
        d.payment.deferred = true
        let sheet = ApplicationSheet(draft: d)
        #expect(sheet.sections.map(\.title.en) == ["1. Product selection", "2. Information entry", "3. Payment"])
        let paths = sheet.sections.flatMap(\.entries).map(\.path)
        #expect(paths.first == "applicationType" && paths[1] == "currentCertificate.commonName")
        #expect(paths.firstIndex(of: "csr.serverSoftware")! < paths.firstIndex(of: "organization.nameJa")!)
        #expect(paths.firstIndex(of: "applicantInCharge.phone")! < paths.firstIndex(of: "technicalContact.company")!)
        // A deferred renewal has no planned transfer date to enter.
        #expect(paths.contains("payment.deferred") && !paths.contains("payment.plannedDate"))
        #expect(sheet.missing.contains("csr.pem") && sheet.missing.contains("applicantInCharge.title"))
        let text = sheet.text(in: .ja)
        #expect(text.contains("== 1. 製品の選択 ==") && text.contains("製品: セキュア・サーバ ID") && text.contains("CSR:\n(未入力)"))

        d.csr.pem = "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"
        d.domainCheck.whoisMatches = false
        d.domainCheck.method = .approverEmail
        d.domainCheck.approverEmail = "admin@example.co.jp"
        let filled = ApplicationSheet(draft: d)
        #expect(!filled.missing.contains("csr.pem"))
        #expect(filled.text(in: .en).contains("CSR:\n-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"))
        #expect(filled.sections.last?.entries.last?.value?.en == "admin@example.co.jp")
    }
}

@Suite struct ReissueTermsTests {
    @Test func aFreeReissueNeedsNoTransferDateButAChargedOneDoes() {
        var d = completeDraft(.reissue)   // first issued 2026-11-10
        d.payment.plannedDate = nil
        #expect(!codes(d, on: date("2026-12-05")).contains("payment-date-missing"))
        #expect(codes(d, on: date("2026-12-06")).contains("payment-date-missing"))
        let terms = ReissueTerms(originalIssuedOn: date("2026-11-10"), today: date("2026-12-05"))
        #expect(terms.isFree && terms.freeUntil == date("2026-12-05") && terms.handledOn == date("2026-12-07"))
        #expect(!ReissueTerms(originalIssuedOn: date("2026-11-10"), today: date("2026-12-06")).isFree)
    }

    /// A free reissue carries the original order's payment, by coupon or by transfer.
    @Test func aFreeReissueNeedsNoNewCouponButAChargedOneDoes() {
        var d = completeDraft(.reissue)   // first issued 2026-11-10
        d.payment.method = .coupon
        d.order.coupon = nil
        #expect(!codes(d, on: date("2026-12-05")).contains("coupon-missing"))
        #expect(codes(d, on: date("2026-12-06")).contains("coupon-missing"))
    }
}
