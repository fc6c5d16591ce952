/// An asynchronous host function called by a guest through `canon lower`, whose guest
/// execution is suspended until the function's body has finished.
struct PendingHostCall {
    /// The asynchronous host function (for its body and its name).
    let function: ComponentFunction
    /// The guest's call: its lifted arguments, and where the results go.
    let call: LoweredCall
}
