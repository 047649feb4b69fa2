// A unit-test fixture with a primary store in a fresh temporary directory.
// Header-only: a test using it links GoogleTest and verbatim_storage anyway.
#ifndef VERBATIM_COMMON_TESTING_STORE_FIXTURE_H_
#define VERBATIM_COMMON_TESTING_STORE_FIXTURE_H_

#include <memory>
#include <string>
#include <utility>

#include "common/storage/store.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"

namespace verbatim::testing {

class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override { OpenStore(); }

  // (Re)opens the primary store at store_path(), closing the current one
  // first; subclasses that hold pointers into it reset them before.
  void OpenStore() {
    store_.reset();
    auto store = storage::Store::OpenPrimary(store_path(), {});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  std::string store_path() const { return dir_.path() + "/db"; }

  TempDir dir_;
  std::unique_ptr<storage::Store> store_;
};

}  // namespace verbatim::testing

#endif  // VERBATIM_COMMON_TESTING_STORE_FIXTURE_H_
