import CertWizardCore

/// Prices the demo issuer quotes. EXAMPLE FIGURES for training, not any CA's real price list.
public struct ProductCatalogue: Sendable {
    public struct Price: Sendable {
        public let product: Product
        public var name: Localized { product.name }
        /// Per license, per year, in yen, before tax.
        public let yen: Int
    }

    public let prices: [Price]
    public let expressYen: Int
    public let taxPercent: Int
    public let isExample: Bool

    public static let demo = ProductCatalogue(
        prices: [
            Price(product: .secure, yen: 80_000),
            Price(product: .global, yen: 120_000),
            Price(product: .ev, yen: 180_000),
        ],
        expressYen: 30_000, taxPercent: 10, isExample: true)

    /// The amount for an order, tax included (one payment covers all licenses, R 2-1).
    public func quote(product: Product, licenses: Int, express: Bool) -> (beforeTax: Int, tax: Int, total: Int) {
        let unit = prices.first { $0.product == product }?.yen ?? 0
        let before = unit * max(1, licenses) + (express ? expressYen : 0)
        let tax = before * taxPercent / 100
        return (before, tax, before + tax)
    }
}
