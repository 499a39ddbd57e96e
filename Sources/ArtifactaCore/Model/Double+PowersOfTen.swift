import Foundation

extension Double {
    /// 10^0 … 10^22: every power of ten a Double holds exactly, so one multiplication or
    /// division by one rounds correctly (number parsing and formatting rely on it).
    static let exactPowersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }
}
