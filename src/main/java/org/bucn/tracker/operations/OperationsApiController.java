package org.bucn.tracker.operations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OperationsApiController {

  private final Operations operations;

  OperationsApiController(Operations operations) {
    this.operations = operations;
  }

  @GetMapping("/api/admin/operations")
  Operations.Overview overview() {
    return operations.overview();
  }
}
