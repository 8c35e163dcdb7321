package io.covenant.edgar;

import java.util.List;

/** The statement facts Covenant imports, each with the us-gaap concepts that may carry it, in order of preference. */
enum FinancialFact {
    REVENUE(
            "revenue",
            true,
            "Revenues",
            "RevenueFromContractWithCustomerExcludingAssessedTax",
            "SalesRevenueNet",
            "RevenueFromContractWithCustomerIncludingAssessedTax"),
    COST_OF_REVENUE("cost_of_revenue", true, "CostOfRevenue", "CostOfGoodsAndServicesSold", "CostOfGoodsSold"),
    OPERATING_INCOME("operating_income", true, "OperatingIncomeLoss"),
    NET_INCOME("net_income", true, "NetIncomeLoss", "ProfitLoss", "NetIncomeLossAvailableToCommonStockholdersBasic"),
    INTEREST_EXPENSE("interest_expense", true, "InterestExpense", "InterestExpenseDebt", "InterestExpenseNonoperating"),
    DEPRECIATION_AMORTIZATION(
            "depreciation_amortization",
            true,
            "DepreciationDepletionAndAmortization",
            "DepreciationAndAmortization",
            "DepreciationAmortizationAndAccretionNet",
            "Depreciation"),
    TOTAL_ASSETS("total_assets", false, "Assets"),
    TOTAL_LIABILITIES("total_liabilities", false, "Liabilities"),
    CURRENT_ASSETS("current_assets", false, "AssetsCurrent"),
    CURRENT_LIABILITIES("current_liabilities", false, "LiabilitiesCurrent"),
    INVENTORY("inventory", false, "InventoryNet", "InventoryFinishedGoodsNetOfReserves"),
    ACCOUNTS_RECEIVABLE("accounts_receivable", false, "AccountsReceivableNetCurrent", "ReceivablesNetCurrent"),
    STOCKHOLDERS_EQUITY(
            "stockholders_equity",
            false,
            "StockholdersEquity",
            "StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"),
    LONG_TERM_DEBT(
            "long_term_debt",
            false,
            "LongTermDebtNoncurrent",
            "LongTermDebtAndCapitalLeaseObligations",
            "LongTermDebt"),
    CASH(
            "cash",
            false,
            "CashAndCashEquivalentsAtCarryingValue",
            "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents");

    final String metricType;

    /** A flow over a period (income statement) rather than a balance at an instant. */
    final boolean flow;

    final List<String> concepts;

    FinancialFact(String metricType, boolean flow, String... concepts) {
        this.metricType = metricType;
        this.flow = flow;
        this.concepts = List.of(concepts);
    }
}
